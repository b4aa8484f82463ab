using System.Numerics;

namespace HeartGuard.Synthesis;

/// <summary>How each lead sees the cardiac dipole (x: left, y: inferior, z: anterior). Only I, II and
/// V1-V6 are projected; III, aVR, aVL and aVF are computed from I and II by Einthoven's and Goldberger's
/// definitions, so the limb-lead identities hold exactly, as on a real electrocardiograph.</summary>
public static class LeadVectors
{
    public static readonly IReadOnlyList<string> Independent = ["I", "II", "V1", "V2", "V3", "V4", "V5", "V6"];

    // Frontal plane: I at 0°, II at +60°. Chest leads sit in the horizontal plane from V1 (right of the
    // sternum, anterior) to V6 (left mid-axillary); their electrodes are closer to the heart, hence the gain.
    private static readonly (double AngleDeg, float Gain)[] Chest = [(115, 1.5f), (95, 1.9f), (75, 1.9f), (55, 1.7f), (30, 1.4f), (5, 1.1f)];

    public static Vector3 Of(string independentLead) => independentLead switch
    {
        "I" => new Vector3(1, 0, 0),
        "II" => new Vector3(0.5f, 0.8660254f, 0),
        _ when independentLead.Length == 2 && independentLead[0] == 'V' && independentLead[1] is >= '1' and <= '6' => ChestVector(independentLead[1] - '1'),
        _ => throw new ArgumentException($"'{independentLead}' is not an independent lead.", nameof(independentLead)),
    };

    private static Vector3 ChestVector(int index)
    {
        var (angle, gain) = Chest[index];
        var rad = angle * Math.PI / 180;
        return new Vector3((float)Math.Cos(rad), 0.1f, (float)Math.Sin(rad)) * gain;
    }

    /// <summary>III, aVR, aVL, aVF from I and II, sample by sample (µV).</summary>
    public static (float[] III, float[] aVR, float[] aVL, float[] aVF) DeriveLimbLeads(float[] i, float[] ii)
    {
        var n = i.Length;
        float[] iii = new float[n], avr = new float[n], avl = new float[n], avf = new float[n];
        for (var k = 0; k < n; k++)
        {
            iii[k] = ii[k] - i[k];
            avr[k] = -(i[k] + ii[k]) / 2;
            avl[k] = i[k] - ii[k] / 2;
            avf[k] = ii[k] - i[k] / 2;
        }
        return (iii, avr, avl, avf);
    }
}
