namespace HeartGuard.Synthesis;

public enum BeatKind { Sinus, Conducted, Ventricular }

/// <summary>One beat: the time of its R peak and the RR interval that preceded it (which sets its QT).</summary>
public readonly record struct Beat(double RPeakS, double PrecedingRrS, BeatKind Kind);

/// <summary>Beat times for a pattern: sinus rhythm with respiratory RR variability; irregularly irregular
/// conducted beats for atrial fibrillation; early wide beats with a full compensatory pause for PVCs.</summary>
public static class Rhythm
{
    public static IReadOnlyList<Beat> Generate(EcgPattern pattern, double heartRateBpm, double durationS, Random random)
    {
        var meanRr = 60.0 / heartRateBpm;
        var respiratoryHz = 0.2 + 0.1 * random.NextDouble();
        var phase = random.NextDouble() * 2 * Math.PI;
        var fibrillating = pattern == EcgPattern.AtrialFibrillation;
        var beats = new List<Beat>();
        // Start before 0 s so the record opens mid-cycle, like a real recording.
        var t = -meanRr * random.NextDouble();
        var previousRr = meanRr;
        var sincePvc = 0;
        var pvcEvery = 3 + random.Next(3);
        while (t < durationS + meanRr)
        {
            beats.Add(new Beat(t, previousRr, fibrillating ? BeatKind.Conducted : BeatKind.Sinus));
            var rr = fibrillating
                ? meanRr * (0.55 + 0.9 * random.NextDouble())
                : meanRr * (1 + 0.04 * Math.Sin(2 * Math.PI * respiratoryHz * t + phase) + 0.012 * random.NextGaussian());
            previousRr = rr;
            if (pattern == EcgPattern.PrematureVentricular && ++sincePvc >= pvcEvery)
            {
                // Coupled early; the sinus node fires on schedule but finds the ventricles refractory, so the
                // next conducted beat comes two cycles later: a full compensatory pause.
                var coupling = rr * (0.55 + 0.1 * random.NextDouble());
                beats.Add(new Beat(t + coupling, coupling, BeatKind.Ventricular));
                previousRr = 2 * rr - coupling;
                rr *= 2;
                sincePvc = 0;
                pvcEvery = 3 + random.Next(3);
            }
            t += rr;
        }
        return beats;
    }
}
