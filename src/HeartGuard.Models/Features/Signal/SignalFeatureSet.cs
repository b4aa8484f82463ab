namespace HeartGuard.Models.Features.Signal;

/// <summary>Which of the extractor's named features a signal route's heads see.</summary>
public enum SignalFeatureSet
{
    /// <summary>Every feature of <see cref="SignalFeatureExtractor.Names"/>.</summary>
    All,
    /// <summary>All but the 24-point median-beat samples of each lead (288 columns of raw shape): the measured
    /// amplitudes, ST levels, intervals, rhythm and territory features. On a few hundred pages the raw shape
    /// columns mostly give the heads noise to fit.</summary>
    Measured,
}

public static class SignalFeatureSets
{
    /// <summary>The feature names of a set, in vector order.</summary>
    public static IReadOnlyList<string> Names(SignalFeatureSet set) => set switch
    {
        SignalFeatureSet.All => SignalFeatureExtractor.Names,
        SignalFeatureSet.Measured => SignalFeatureExtractor.Names.Where(n => !SignalFeatureExtractor.IsMedianBeatSample(n)).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    /// <summary>Where each of <paramref name="names"/> sits in the extractor's vector.</summary>
    /// <exception cref="InvalidDataException">A name this version does not extract.</exception>
    public static int[] ColumnsOf(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(SignalFeatureExtractor.Names.Count);
        for (var i = 0; i < SignalFeatureExtractor.Names.Count; i++) index[SignalFeatureExtractor.Names[i]] = i;
        var columns = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
            columns[i] = index.TryGetValue(names[i], out var c) ? c : throw new InvalidDataException($"Signal feature '{names[i]}' is not extracted by this version; retrain the bundle.");
        return columns;
    }

    /// <summary>The given columns of a feature vector (the vector itself when they are all of it, in order).</summary>
    public static float[] Select(float[] features, int[] columns)
    {
        if (columns.Length == features.Length) return features;
        var selected = new float[columns.Length];
        for (var i = 0; i < columns.Length; i++) selected[i] = features[columns[i]];
        return selected;
    }
}
