using HeartGuard.Imaging;
using HeartGuard.Imaging.Export;

namespace HeartGuard.Web;

/// <summary>`POST /api/v1/digitize`: the digitizer's description of the page (layout, scale, boxes,
/// quality, warnings; the same object as `digitize --format json`) and the signals in microvolts per lead
/// at <see cref="SamplingRateHz"/>, null where the page does not show the lead.</summary>
internal sealed record DigitizedSignals(object Digitization, double SamplingRateHz, IReadOnlyDictionary<string, float?[]> LeadsUv)
{
    public static DigitizedSignals From(DigitizationResult result, string file) => new(
        DigitizationJson.ToDocument(result, file),
        result.Record.SamplingRateHz,
        result.Record.Leads.ToDictionary(l => l.Name, l => Array.ConvertAll(l.SamplesUv, v => float.IsNaN(v) ? (float?)null : MathF.Round(v, 1))));
}
