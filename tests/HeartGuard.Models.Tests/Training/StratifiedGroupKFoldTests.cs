using HeartGuard.Models.Training;

namespace HeartGuard.Models.Tests.Training;

public class StratifiedGroupKFoldTests
{
    [Fact]
    public void GroupsNeverStraddleFoldsAndEveryClassIsSpread()
    {
        var rng = new Random(3);
        var labels = new List<int>();
        var groups = new List<string>();
        for (var g = 0; g < 60; g++)
        {
            var size = 1 + rng.Next(6);
            for (var i = 0; i < size; i++) { labels.Add(rng.Next(4)); groups.Add("g" + g); }
        }

        var fold = StratifiedGroupKFold.Assign(labels, groups, 5, seed: 1, classCount: 4);

        foreach (var group in groups.Distinct())
            Assert.Single(Enumerable.Range(0, fold.Length).Where(i => groups[i] == group).Select(i => fold[i]).Distinct());
        for (var f = 0; f < 5; f++)
            for (var c = 0; c < 4; c++)
                Assert.Contains(Enumerable.Range(0, fold.Length), i => fold[i] == f && labels[i] == c);
    }

    [Fact]
    public void TooFewGroupsIsAClearError()
    {
        var ex = Assert.Throws<ArgumentException>(() => StratifiedGroupKFold.Assign([0, 1, 0], ["a", "a", "b"], 5, 1, 4));
        Assert.Contains("2 distinct group", ex.Message);
    }
}
