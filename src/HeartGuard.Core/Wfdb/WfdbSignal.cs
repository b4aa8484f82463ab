namespace HeartGuard.Core.Wfdb;

/// <summary>One signal line of a WFDB header: where its samples are stored and how digital units (adu)
/// map to physical units. Physical value = (adu - <see cref="Baseline"/>) / <see cref="Gain"/> in <see cref="Units"/>.</summary>
public sealed record WfdbSignal(
    string FileName,
    int Format,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int InitialValue,
    int Checksum,
    int BlockSize,
    string Description)
{
    /// <summary>Byte offset of the first sample in the signal file (the "+offset" suffix of the format field).</summary>
    public long ByteOffset { get; init; }

    /// <summary>The adu value WFDB uses for "no sample" in this signal's format.</summary>
    public int MissingValue => WfdbFormats.MissingValue(Format);

    /// <summary>Microvolts per physical unit ("mV" when the header names none, as WFDB defines).</summary>
    public double MicrovoltsPerUnit => Units.Trim().ToLowerInvariant() switch
    {
        "mv" or "" => 1000.0,
        "uv" or "µv" or "μv" => 1.0,
        "v" => 1_000_000.0,
        _ => throw new NotSupportedException($"Signal '{Description}' is in '{Units}', not a voltage unit."),
    };
}
