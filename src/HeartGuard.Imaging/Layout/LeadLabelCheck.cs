using HeartGuard.Core;

namespace HeartGuard.Imaging.Layout;

/// <summary>Printed lead labels against the layout assumed from the row geometry. The six rows of 6x2 and
/// 3x4+3 pages look alike (and the rhythm-strip match can miss: ecg00006); their labels do not. The layout is
/// changed only when the other one explains several confidently read labels and contradicts none while the
/// assumed one is contradicted at least twice; otherwise contradictions are only reported.</summary>
public static class LeadLabelCheck
{
    /// <summary>A read at least this good counts as evidence (wrong reads on the renders and Mendeley pages
    /// score below it; see docs/digitizer.md).</summary>
    public const double Confident = 0.7;
    private const int MinAgreeingToSwitch = 3;
    private const int MinContradictedToSwitch = 2;

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
            var (agree, contradicted) = Tally(layout, At);
            var (otherAgree, otherContradicted) = Tally(other, At);
            if (otherContradicted == 0 && otherAgree >= MinAgreeingToSwitch && contradicted >= MinContradictedToSwitch && otherAgree > agree)
            {
                warnings.Add($"printed lead labels fit {other.Name}, not {layout.Name} ({otherAgree} agree, {contradicted} contradicted {layout.Name}): layout changed to {other.Name}");
                layout = other;
            }
        }

        var labels = new Dictionary<LeadPlacement, LabelRead>();
        var conflicts = new List<string>();
        foreach (var p in layout.Placements)
        {
            if (At(p) is not { } label) continue;
            labels[p] = label;
            if (label.Score >= Confident && label.Text != p.Lead)
                conflicts.Add($"row {p.Row} column {p.Column} reads {label.Text} (assumed {p.Lead})");
        }
        if (conflicts.Count > 0)
            warnings.Add($"printed lead labels contradict the {layout.Name} layout: {string.Join(", ", conflicts)}");
        return (layout, labels);
    }

    private static (int Agree, int Contradicted) Tally(EcgLayout layout, Func<LeadPlacement, LabelRead?> at)
    {
        int agree = 0, contradicted = 0;
        foreach (var p in layout.Placements)
        {
            if (at(p) is not { Score: >= Confident } label) continue;
            if (label.Text == p.Lead) agree++;
            else contradicted++;
        }
        return (agree, contradicted);
    }
}
