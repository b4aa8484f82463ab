using HeartGuard.Core;

namespace HeartGuard.Core.Tests;

public class EcgLayoutTests
{
    [Theory]
    [InlineData("3x4+1", 13)]
    [InlineData("3x4+3", 15)]
    [InlineData("6x2", 12)]
    [InlineData("12x1", 12)]
    public void Every_standard_layout_shows_all_twelve_leads(string name, int placements)
    {
        var layout = EcgLayout.Standard(name);
        Assert.Equal(placements, layout.Placements.Count);
        Assert.Equal(StandardLeads.Names.OrderBy(n => n), layout.Placements.Where(p => !p.IsRhythmStrip).Select(p => p.Lead).OrderBy(n => n));
    }

    [Fact]
    public void Column_k_of_a_3x4_page_shows_seconds_2_5k_to_2_5k_plus_2_5()
    {
        var layout = EcgLayout.Standard("3x4+1");
        foreach (var p in layout.Placements.Where(p => !p.IsRhythmStrip))
        {
            Assert.Equal(2.5 * p.Column, p.StartS, 9);
            Assert.Equal(2.5, p.DurationS, 9);
        }
        Assert.Equal("II", layout.RhythmStrips.Single().Lead);
    }

    [Fact]
    public void Unknown_layout_is_rejected_with_the_known_names()
    {
        var ex = Assert.Throws<ArgumentException>(() => EcgLayout.Standard("5x5"));
        Assert.Contains("3x4+1", ex.Message);
    }
}
