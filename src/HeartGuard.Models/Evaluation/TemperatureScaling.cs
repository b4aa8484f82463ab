namespace HeartGuard.Models.Evaluation;

/// <summary>Post-hoc calibration: p_k ∝ p_k^(1/T), with T chosen to minimise the negative log-likelihood of
/// out-of-fold predictions (the argmax, and so accuracy and F1, never change).</summary>
public static class TemperatureScaling
{
    public static double[] Apply(double[] probabilities, double temperature)
    {
        var scaled = new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var k = 0; k < scaled.Length; k++) { scaled[k] = Math.Log(Math.Max(probabilities[k], 1e-12)) / temperature; max = Math.Max(max, scaled[k]); }
        var sum = 0.0;
        for (var k = 0; k < scaled.Length; k++) { scaled[k] = Math.Exp(scaled[k] - max); sum += scaled[k]; }
        for (var k = 0; k < scaled.Length; k++) scaled[k] /= sum;
        return scaled;
    }

    public static double Fit(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        var best = 1.0;
        var bestNll = double.MaxValue;
        // A log-spaced search is plenty for one parameter and cannot diverge.
        for (var t = 0.25; t <= 8.0; t *= 1.05)
        {
            var nll = 0.0;
            for (var i = 0; i < truth.Count; i++) nll -= Math.Log(Math.Max(Apply(probabilities[i], t)[truth[i]], 1e-12));
            if (nll < bestNll) { bestNll = nll; best = t; }
        }
        return best;
    }

    /// <summary>The expected calibration error the shipped probabilities would have: each fold's out-of-fold
    /// predictions scaled by the temperature fitted on the other folds' (fitting it on the predictions it is
    /// scored on would flatter it). The raw out-of-fold ECE describes the heads before this step.</summary>
    public static double CrossFittedEce(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, IReadOnlyList<int> fold)
    {
        var scaled = new double[truth.Count][];
        foreach (var f in fold.Distinct())
        {
            var others = Enumerable.Range(0, truth.Count).Where(i => fold[i] != f).ToList();
            var t = others.Count == 0 ? 1.0 : Fit(others.Select(i => truth[i]).ToList(), others.Select(i => probabilities[i]).ToList());
            for (var i = 0; i < truth.Count; i++)
                if (fold[i] == f) scaled[i] = Apply(probabilities[i], t);
        }
        return ClassificationMetrics.ExpectedCalibrationError(truth, scaled, scaled.Select(ClassificationMetrics.ArgMax).ToArray());
    }
}
