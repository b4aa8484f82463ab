namespace HeartGuard.Signals;

/// <summary>Step 4d, global intervals from the delineation, with QT corrected for rate by Bazett
/// (QT/√RR) and Fridericia (QT/∛RR, better at high and low rates), RR in seconds. An interval outside
/// physiological bounds means a fiducial was misplaced, so it is reported as not measurable.</summary>
public sealed record Intervals(double? PrMs, double? QrsMs, double? QtMs, double? QtcBazettMs, double? QtcFridericiaMs, BeatFiducials? Fiducials)
{
    public static Intervals From(Delineation? d, double? rrMeanMs)
    {
        if (d is null) return new Intervals(null, null, null, null, null, null);
        var qrs = Bounded(d.DurationMs(d.QrsOnset, d.QrsOffset), 40, 220);
        var pr = d.POnset is { } p ? Bounded(d.DurationMs(p, d.QrsOnset), 60, 400) : null;
        var qt = d.TEnd is { } t ? Bounded(d.DurationMs(d.QrsOnset, t), 200, 700) : null;
        double? rrS = rrMeanMs / 1000;
        double? bazett = qt is { } q && rrS is { } a ? Math.Round(q / Math.Sqrt(a)) : null;
        double? fridericia = qt is { } q2 && rrS is { } b ? Math.Round(q2 / Math.Cbrt(b)) : null;
        var fiducials = new BeatFiducials(
            pr is null ? null : Math.Round(d.ToMsFromR(d.POnset!.Value)),
            Math.Round(d.ToMsFromR(d.QrsOnset)),
            Math.Round(d.ToMsFromR(d.QrsOffset)),
            qt is null ? null : Math.Round(d.ToMsFromR(d.TEnd!.Value)));
        return new Intervals(pr, qrs, qt, bazett, fridericia, fiducials);
    }

    private static double? Bounded(double ms, double min, double max) => ms >= min && ms <= max ? Math.Round(ms) : null;
}
