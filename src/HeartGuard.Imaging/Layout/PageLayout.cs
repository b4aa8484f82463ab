using HeartGuard.Core;

namespace HeartGuard.Imaging.Layout;

/// <summary>One printed row of traces: its isoelectric line (px), the band its trace may use, and the
/// columns where its ink starts and ends.</summary>
public sealed record TraceRow(int Index, double BaselineY, int TopY, int BottomY, int StartX, int EndX, double Coverage);

/// <summary>The rows found on a page and the standard layout they were matched to.</summary>
public sealed record PageLayout(EcgLayout Layout, double Confidence, IReadOnlyList<TraceRow> Rows);
