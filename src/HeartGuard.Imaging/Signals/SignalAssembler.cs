using HeartGuard.Core;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Signals;

public interface ISignalAssembler
{
    (EcgRecord Record, IReadOnlyList<LeadTrace> Traces) Assemble(string name, EcgLayout layout,
        IReadOnlyList<RowTrace> rows, RowTimeline timeline, GridCalibration scale, PaperSettings paper, double rateHz);
}

/// <summary>Stage 7: the 12 standard leads in µV at the output rate over the record's duration. Each placement
/// fills its own time window (column k of a 3x4 page: [2.5k, 2.5k+2.5) s), read through <see cref="ReadingBlur"/>
/// unless <paramref name="compensateBlur"/> is off; a rhythm strip overrides the short segment of its lead where
/// it has ink; everything not on the page stays NaN.</summary>
public sealed class SignalAssembler(bool compensateBlur = true) : ISignalAssembler
{
    public (EcgRecord Record, IReadOnlyList<LeadTrace> Traces) Assemble(string name, EcgLayout layout,
        IReadOnlyList<RowTrace> rows, RowTimeline timeline, GridCalibration scale, PaperSettings paper, double rateHz)
    {
        var total = (int)Math.Round(timeline.DurationS * rateHz);
        var record = EcgRecord.EmptyStandard(name, rateHz, total);
        var traces = new List<LeadTrace>();
        var blur = compensateBlur ? ReadingBlur.For(timeline.PxPerS / rateHz) : null;
        foreach (var p in layout.Placements.OrderBy(p => p.IsRhythmStrip))
        {
            var row = rows[p.Row];
            var values = timeline.Sample(row, p.StartS, p.EndS, rateHz, scale, paper);
            blur?.Compensate(values);
            var target = record[p.Lead].SamplesUv;
            var first = (int)Math.Round(p.StartS * rateHz);
            var present = 0;
            for (var i = 0; i < values.Length && first + i < total; i++)
            {
                if (float.IsNaN(values[i])) continue;
                target[first + i] = values[i];
                present++;
            }
            var x0 = (int)Math.Floor(timeline.X(p.StartS));
            var x1 = (int)Math.Ceiling(timeline.X(p.EndS));
            var path = new float[Math.Max(0, x1 - x0)];
            for (var x = x0; x < x1; x++)
            {
                var c = x - row.StartX;
                path[x - x0] = c >= 0 && c < row.CentreY.Length ? row.CentreY[c] : float.NaN;
            }
            var quality = values.Length == 0 ? 0 : present / (double)values.Length * row.Smoothness;
            traces.Add(new LeadTrace(p.Lead, p, new PixelBox(x0, row.Row.TopY, x1 - x0, row.Row.BottomY - row.Row.TopY + 1),
                x0, path, row.BaselineY, Math.Round(quality, 3)));
        }
        return (record, traces);
    }
}
