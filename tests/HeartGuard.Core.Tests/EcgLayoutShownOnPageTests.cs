using HeartGuard.Core;

namespace HeartGuard.Core.Tests;

public class EcgLayoutShownOnPageTests
{
    [Fact]
    public void A_3x4_plus_1_page_shows_each_lead_in_its_cell_and_lead_ii_throughout()
    {
        var record = new EcgRecord("r", 500, StandardLeads.Names.Select(n => new Lead(n, Enumerable.Range(0, 5000).Select(i => (float)i).ToArray())).ToList());

        var shown = EcgLayout.Standard("3x4+1").ShownOnPage(record);

        Assert.Equal(5000, shown["II"].PresentCount);
        Assert.Equal(1250, shown["V4"].PresentCount);
        Assert.True(float.IsNaN(shown["V4"].SamplesUv[3749]));
        Assert.Equal(3750f, shown["V4"].SamplesUv[3750]);
        Assert.Equal(1249f, shown["I"].SamplesUv[1249]);
        Assert.True(float.IsNaN(shown["I"].SamplesUv[1250]));
    }
}
