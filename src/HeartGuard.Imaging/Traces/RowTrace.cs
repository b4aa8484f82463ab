using HeartGuard.Imaging.Layout;

namespace HeartGuard.Imaging.Traces;

/// <summary>The path followed along one row, as a polyline in page pixels (x ascending, sub-pixel y), plus the
/// per-column centre used for drawing, and what the calibration pulse at the row start told us.
/// <see cref="FirstSampleX"/> is where the trace after the pulse begins (t = 0 of the row), when there is a pulse;
/// <see cref="Separators"/> are the solid separator marks found in the row.</summary>
public sealed record RowTrace(
    TraceRow Row,
    int StartX,
    float[] CentreY,
    double[] PointX,
    double[] PointY,
    double BaselineY,
    bool BaselineFromPulse,
    double? PulseHeightPx,
    int TraceStartX,
    int TraceEndX,
    double Smoothness,
    double? FirstSampleX,
    IReadOnlyList<SeparatorBars.Bar> Separators)
{
    /// <summary>The median of the rows' trace spans in px (first sample after the pulse to last inked column): a
    /// full row shows the record's whole duration.</summary>
    public static double MedianSpanPx(IReadOnlyList<RowTrace> rows)
    {
        var spans = rows.Select(r => r.TraceEndX + 1 - r.TraceStartX).OrderBy(v => v).ToList();
        return spans[spans.Count / 2];
    }
}
