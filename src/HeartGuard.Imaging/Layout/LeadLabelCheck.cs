using HeartGuard.Core;

namespace HeartGuard.Imaging.Layout;

/// <summary>Printed lead labels against the layout assumed from the row geometry. The six rows of 6x2 and
/// 3x4+3 pages look alike (and the rhythm-strip match can miss: ecg00006); their labels do not: 3x4+3 prints
/// names at 2.5 and 7.5 s and V1, II, V5 on rows 4-6, 6x2 prints aVR, aVL, aVF there. The other layout is taken
/// only when its names match at least three more reads exactly than the assumed layout's do and no confident
/// read contradicts it; otherwise contradictions are only reported.</summary>
public static class LeadLabelCheck
{
    /// <summary>A read at least this good may contradict a lead name (docs/digitizer.md: the wrong reads of
    /// another family with letters reach 0.64 on the renders and 0.89 once, 0.74 otherwise, on Mendeley).</summary>
    public const double Confident = 0.8;
    /// <summary>A read at least this good counts for a layout whose name it matches exactly.</summary>
    private const double Agreeing = 0.7;
    private const int MinMoreAgreeingToSwitch = 3;
    private const int MinContradictedToWarn = 2;

    /// <param name="read">The label read at the start of a placement, if any.</param>
    public static (EcgLayout Layout, IReadOnlyDictionary<LeadPlacement, LabelRead> Labels) Resolve(EcgLayout layout,
        Func<LeadPlacement, LabelRead?> read, List<string> warnings)
    {
        var cache = new Dictionary<(int Row, double StartS), LabelRead?>();
        LabelRead? At(LeadPlacement p) =>
            cache.TryGetValue((p.Row, p.StartS), out var r) ? r : cache[(p.Row, p.StartS)] = read(p);

        var alternative = layout.Name switch { "6x2" => "3x4+3", "3x4+3" => "6x2", _ => null };
        if (alternative is not null)
        {
            var other = EcgLayout.Standard(alternative, layout.Placements.Max(p => p.EndS));
            var (agree, _) = Tally(layout, At);
            var (otherAgree, otherContradicted) = Tally(other, At);
            if (otherContradicted == 0 && otherAgree - agree >= MinMoreAgreeingToSwitch)
            {
                warnings.Add($"printed lead labels fit {other.Name}, not {layout.Name} ({otherAgree} match its lead names, {agree} match {layout.Name}'s): layout changed to {other.Name}");
                layout = other;
            }
        }

        var labels = new Dictionary<LeadPlacement, LabelRead>();
        var conflicts = new List<string>();
        foreach (var p in layout.Placements)
        {
            if (At(p) is not { } label) continue;
            labels[p] = label;
            if (Contradicts(label, p.Lead))
                conflicts.Add($"row {p.Row} column {p.Column} reads {label.Text} (assumed {p.Lead})");
        }
        // One disagreeing label among agreeing ones is more likely a misread than a misplaced lead.
        if (conflicts.Count >= MinContradictedToWarn)
            warnings.Add($"printed lead labels contradict the {layout.Name} layout: {string.Join(", ", conflicts)}");
        return (layout, labels);
    }

    /// <summary>A confident read of another lead family (limb I-III, augmented aVR-aVF, chest V1-V6) that has
    /// letters. Within a family the names differ by one glyph, which a missed stroke or a grey digit changes
    /// (Mendeley: II read as I, V5 as V3, aVR as aVF); and I, II, III are bars only, which a chest label's "1" or
    /// "4" without its "V" also gives (Mendeley V4 read as II on 108 pages).</summary>
    private static bool Contradicts(LabelRead label, string lead) =>
        label.Score >= Confident && Family(label.Text) != 0 && Family(label.Text) != Family(lead);

    private static int Family(string lead) => lead.StartsWith('V') ? 2 : lead.StartsWith("aV") ? 1 : 0;

    private static (int Agree, int Contradicted) Tally(EcgLayout layout, Func<LeadPlacement, LabelRead?> at)
    {
        int agree = 0, contradicted = 0;
        foreach (var p in layout.Placements)
        {
            if (at(p) is not { } label) continue;
            if (label.Text == p.Lead && label.Score >= Agreeing) agree++;
            else if (Contradicts(label, p.Lead)) contradicted++;
        }
        return (agree, contradicted);
    }
}
