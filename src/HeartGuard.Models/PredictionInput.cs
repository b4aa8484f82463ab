using HeartGuard.Imaging;
using HeartGuard.Signals;

namespace HeartGuard.Models;

/// <summary>What a bundle classifies: the page image, and the digitizer's and measurement pipeline's results
/// for it when the caller has them (routes that read signals use them; the image route needs only the bytes).</summary>
public sealed record PredictionInput(ReadOnlyMemory<byte> ImageBytes, DigitizationResult? Digitization = null, Measurements? Measurements = null);
