using HeartGuard.Models.Features.Signal;

namespace HeartGuard.Models.Tests.Features.Signal;

public class SignalFeatureSetTests
{
    [Fact]
    public void MeasuredDropsExactlyTheMedianBeatSamplesAndKeepsVectorOrder()
    {
        var all = SignalFeatureSets.Names(SignalFeatureSet.All);
        var measured = SignalFeatureSets.Names(SignalFeatureSet.Measured);

        Assert.Equal(all.Count - 12 * SignalFeatureExtractor.MorphologyPoints, measured.Count);
        Assert.Contains("V2.st_j60_uv", measured);
        Assert.Contains("anterior.st_elevated_leads", measured);
        Assert.DoesNotContain("V2.beat_05", measured);
        Assert.Contains("global.beat_count", measured);
        var columns = SignalFeatureSets.ColumnsOf(measured);
        Assert.Equal(columns.Order(), columns);
        Assert.All(columns, (c, i) => Assert.Equal(measured[i], all[c]));
    }

    [Fact]
    public void ABundleNamingAFeatureThisVersionLacksIsRefusedAndASubsetIsPickedByName()
    {
        Assert.Throws<InvalidDataException>(() => SignalFeatureSets.ColumnsOf(["V2.st_j60_uv", "V2.no_such_feature"]));

        var features = Enumerable.Range(0, SignalFeatureExtractor.Names.Count).Select(i => (float)i).ToArray();
        var columns = SignalFeatureSets.ColumnsOf(["global.hr_bpm", "I.present"]);
        Assert.Equal([features[columns[0]], 0f], SignalFeatureSets.Select(features, columns));
        Assert.Same(features, SignalFeatureSets.Select(features, SignalFeatureSets.ColumnsOf(SignalFeatureExtractor.Names)));
    }
}
