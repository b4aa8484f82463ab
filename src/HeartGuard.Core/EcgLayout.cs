namespace HeartGuard.Core;

/// <summary>One lead's place on a page: its grid cell and which seconds of the record it shows.</summary>
public sealed record LeadPlacement(string Lead, int Row, int Column, double StartS, double DurationS)
{
    public double EndS => StartS + DurationS;
    /// <summary>A rhythm strip spans every column of its row.</summary>
    public bool IsRhythmStrip { get; init; }
}

/// <summary>A page layout: the name used everywhere ("3x4+1", "3x4+3", "6x2", "12x1"), the grid of short
/// segments, the rhythm strips, and which lead and time window each cell shows. Synthesizer and digitizer
/// both take placements from here, so the two agree on what a layout means.</summary>
public sealed record EcgLayout(string Name, int Rows, int Columns, IReadOnlyList<LeadPlacement> Placements)
{
    public static readonly IReadOnlyList<string> Known = ["3x4+1", "3x4+3", "6x2", "12x1"];

    /// <summary>Rows including rhythm strips.</summary>
    public int TotalRows => Placements.Max(p => p.Row) + 1;
    public IEnumerable<LeadPlacement> RhythmStrips => Placements.Where(p => p.IsRhythmStrip);

    private static readonly string[][] Grid3x4 =
    [
        ["I", "aVR", "V1", "V4"],
        ["II", "aVL", "V2", "V5"],
        ["III", "aVF", "V3", "V6"],
    ];

    /// <summary>The standard layout of that name for a record of <paramref name="durationS"/> seconds
    /// (10 s on a 25 mm/s page). Column k of an n-column layout shows [k·d/n, (k+1)·d/n).</summary>
    public static EcgLayout Standard(string name, double durationS = 10.0)
    {
        var placements = new List<LeadPlacement>();
        switch (name)
        {
            case "3x4+1":
            case "3x4+3":
                AddGrid(placements, Grid3x4, durationS);
                var strips = name == "3x4+1" ? new[] { "II" } : ["V1", "II", "V5"];
                for (var i = 0; i < strips.Length; i++)
                    placements.Add(new LeadPlacement(strips[i], 3 + i, 0, 0, durationS) { IsRhythmStrip = true });
                return new EcgLayout(name, 3, 4, placements);
            case "6x2":
                AddGrid(placements, [["I", "V1"], ["II", "V2"], ["III", "V3"], ["aVR", "V4"], ["aVL", "V5"], ["aVF", "V6"]], durationS);
                return new EcgLayout(name, 6, 2, placements);
            case "12x1":
                AddGrid(placements, StandardLeads.Names.Select(n => new[] { n }).ToArray(), durationS);
                return new EcgLayout(name, 12, 1, placements);
            default:
                throw new ArgumentException($"Unknown layout '{name}'. Known: {string.Join(", ", Known)}.", nameof(name));
        }
    }

    /// <summary>The record as a page of this layout shows it: each lead only inside its placements' time
    /// windows, NaN elsewhere (what a perfect digitizer would return).</summary>
    public EcgRecord ShownOnPage(EcgRecord record)
    {
        var fs = record.SamplingRateHz;
        var leads = record.Leads.Select(lead =>
        {
            var shown = new float[lead.Count];
            Array.Fill(shown, float.NaN);
            foreach (var p in Placements.Where(p => StandardLeads.Canonical(p.Lead) == StandardLeads.Canonical(lead.Name)))
            {
                var from = Math.Clamp((int)Math.Round(p.StartS * fs), 0, lead.Count);
                var to = Math.Clamp((int)Math.Round(p.EndS * fs), from, lead.Count);
                Array.Copy(lead.SamplesUv, from, shown, from, to - from);
            }
            return new Lead(lead.Name, shown);
        }).ToList();
        return new EcgRecord(record.Name, fs, leads);
    }

    private static void AddGrid(List<LeadPlacement> placements, string[][] grid, double durationS)
    {
        var columns = grid[0].Length;
        var segment = durationS / columns;
        for (var r = 0; r < grid.Length; r++)
            for (var c = 0; c < columns; c++)
                placements.Add(new LeadPlacement(grid[r][c], r, c, c * segment, segment));
    }
}
