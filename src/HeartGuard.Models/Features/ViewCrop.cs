namespace HeartGuard.Models.Features;

/// <summary>Which part of the page the views are cut from. Recorded in the bundle manifest, so a bundle is
/// always featurised the way it was trained (bundles from before the crop existed read as <see cref="None"/>).</summary>
public enum ViewCrop
{
    /// <summary>The whole page, header and footer text included.</summary>
    None,

    /// <summary>The band between the first and last long horizontal grid/frame line (<see cref="TraceArea"/>):
    /// the chart, without the printed header and footer, which carry patient/device text and no ECG.</summary>
    GridBand,
}
