namespace HeartGuard.Signals;

/// <summary>Step 4c, the frontal QRS axis from net QRS areas: I is the 0° lead and aVF the +90° lead, which in
/// Einthoven's triangle reads the vertical component scaled by √3/2, so axis = atan2(2·aVF/√3, I). When I or aVF is missing it is derived from II and III (Einthoven: I = II - III,
/// aVF = (II + III) / 2).</summary>
public static class FrontalAxis
{
    public static double? Compute(IReadOnlyList<LeadMeasurements> leads)
    {
        double? Area(string name) => leads.FirstOrDefault(l => l.Lead.Equals(name, StringComparison.OrdinalIgnoreCase))?.QrsNetAreaUvMs;
        double? ii = Area("II"), iii = Area("III");
        var i = Area("I") ?? ii - iii;
        var avf = Area("aVF") ?? (ii + iii) / 2;
        if (i is not { } x || avf is not { } y || (x == 0 && y == 0)) return null;
        return Math.Round(Math.Atan2(2 * y / Math.Sqrt(3), x) * 180 / Math.PI, 0);
    }
}
