namespace HeartGuard.Core.Wfdb;

/// <summary>A WFDB record exactly as stored: the header and, per signal, its samples in digital units (adu).</summary>
public sealed class WfdbRecord
{
    public WfdbRecord(WfdbHeader header, IReadOnlyList<int[]> samplesAdu)
    {
        if (samplesAdu.Count != header.Signals.Count)
            throw new ArgumentException("One sample array per header signal is required.", nameof(samplesAdu));
        Header = header;
        SamplesAdu = samplesAdu;
    }

    public WfdbHeader Header { get; }
    public IReadOnlyList<int[]> SamplesAdu { get; }
    public string Name => Header.RecordName;
    public double SamplingRateHz => Header.SamplingRateHz;
    public IReadOnlyList<WfdbSignal> Signals => Header.Signals;
    public IReadOnlyList<string> Comments => Header.Comments;
    public int SampleCount => SamplesAdu.Count == 0 ? 0 : SamplesAdu[0].Length;

    /// <summary>The WFDB checksum of signal <paramref name="index"/>: the 16-bit sum of its stored samples.</summary>
    public int ComputeChecksum(int index)
    {
        long sum = 0;
        foreach (var v in SamplesAdu[index]) sum += v;
        return unchecked((short)sum);
    }

    /// <summary>The record in microvolts, lead names in their standard spelling ("avr" -> "aVR"); the
    /// format's missing value becomes NaN.</summary>
    public EcgRecord ToEcgRecord()
    {
        var leads = new List<Lead>(Signals.Count);
        for (var s = 0; s < Signals.Count; s++)
        {
            var signal = Signals[s];
            var adu = SamplesAdu[s];
            var uvPerAdu = signal.MicrovoltsPerUnit / signal.Gain;
            var missing = signal.MissingValue;
            var uv = new float[adu.Length];
            for (var i = 0; i < adu.Length; i++)
                uv[i] = adu[i] == missing ? float.NaN : (float)((adu[i] - signal.Baseline) * uvPerAdu);
            leads.Add(new Lead(StandardLeads.Canonical(signal.Description), uv));
        }
        return new EcgRecord(Name, SamplingRateHz, leads);
    }
}
