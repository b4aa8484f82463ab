namespace HeartGuard.Models;

/// <summary>What a bundle classifies: the page image (the image route needs nothing else).</summary>
public sealed record PredictionInput(ReadOnlyMemory<byte> ImageBytes);
