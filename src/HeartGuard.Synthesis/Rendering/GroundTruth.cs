using System.Text.Json;
using HeartGuard.Core;

namespace HeartGuard.Synthesis;

/// <summary>Exact truth for one synthetic page, saved beside the image as snake_case JSON
/// (see docs/synthesis.md). Pixel coordinates put the centre of pixel (c, r) at (c, r).
/// "Page" coordinates are the undistorted page before geometric degradations; "image" coordinates are the
/// saved image: image = <see cref="Homography"/> applied to page.</summary>
public sealed record GroundTruth
{
    public int FormatVersion { get; init; } = 1;
    public required string RecordName { get; init; }
    public required double SamplingRateHz { get; init; }
    public required int WidthPx { get; init; }
    public required int HeightPx { get; init; }
    public required int PageWidthPx { get; init; }
    public required int PageHeightPx { get; init; }
    public required double Dpi { get; init; }
    /// <summary>Scale of the undistorted page; after scale/perspective degradations use the homography.</summary>
    public required double PxPerMmX { get; init; }
    public required double PxPerMmY { get; init; }
    public required double SpeedMmPerS { get; init; }
    public required double GainMmPerMv { get; init; }
    public required string Layout { get; init; }
    public required GridStyle Grid { get; init; }
    /// <summary>Seconds of the record the page shows (10 at 25 mm/s, 5 at 50 mm/s on the default page).</summary>
    public required double ShownDurationS { get; init; }
    public required IReadOnlyList<AppliedDegradation> Degradations { get; init; }
    /// <summary>3x3 row-major map from page px to image px.</summary>
    public required double[][] Homography { get; init; }
    public required IReadOnlyList<CalibrationPulse> CalibrationPulses { get; init; }
    public required IReadOnlyList<PlacementTruth> Placements { get; init; }

    public Homography PageToImage() => Synthesis.Homography.FromRows(Homography);

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json.Compact));

    public static GroundTruth Load(string path) =>
        JsonSerializer.Deserialize<GroundTruth>(File.ReadAllText(path), Json.Options)
        ?? throw new InvalidDataException($"'{path}' holds no ground truth.");
}

/// <summary>One drawn segment. Samples [<see cref="StartSample"/>, <see cref="EndSample"/>) of the record's
/// lead are drawn; on the undistorted page sample n sits at x = <see cref="OriginXPx"/> + (n - start) / fs x
/// <see cref="PxPerS"/>, y = <see cref="BaselineYPx"/> - µV / 1000 x <see cref="PxPerMv"/>.
/// <see cref="PlottedPixels"/> holds [x, y] of every sample in the saved image (null where missing).
/// Boxes are [left, top, right, bottom] in image px.</summary>
public sealed record PlacementTruth
{
    public required string Lead { get; init; }
    public required int Row { get; init; }
    public required int Column { get; init; }
    public required bool IsRhythmStrip { get; init; }
    public required int StartSample { get; init; }
    public required int EndSample { get; init; }
    public required double StartS { get; init; }
    public required double PxPerS { get; init; }
    public required double PxPerMv { get; init; }
    public required double OriginXPx { get; init; }
    public required double BaselineYPx { get; init; }
    public required double[] BoundingBox { get; init; }
    public double[]? LabelBoundingBox { get; init; }
    public required double[]?[] PlottedPixels { get; init; }
}
