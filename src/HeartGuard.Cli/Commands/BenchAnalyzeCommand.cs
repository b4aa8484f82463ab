using System.CommandLine;
using System.Diagnostics;
using HeartGuard.Analysis;
using HeartGuard.Imaging;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard bench analyze --data DIR`: cold first page, warm per-page time (digitize + measure +
/// classify, one page at a time) with per-stage medians, parallel batch throughput and peak memory.</summary>
internal static class BenchAnalyzeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of page images (searched recursively).", Required = true };
        var limit = new Option<int>("--limit") { Description = "Pages to time.", DefaultValueFactory = _ => 100 };
        var command = new Command("analyze", "Time analyze on real pages: cold, warm median per page and per stage, batch pages/s, peak memory.");
        command.Options.Add(data);
        command.Options.Add(limit);
        command.SetAction(parseResult => Run(parseResult.GetValue(data)!, parseResult.GetValue(limit)));
        return command;
    }

    private static int Run(string data, int limit)
    {
        var files = InputFiles.Expand([data]).Files.Take(limit).ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"No images under {data}."); return 1; }
        var pages = files.Select(f => (File: f, Bytes: File.ReadAllBytes(f))).ToList();

        var cold = Stopwatch.StartNew();
        var analyzer = Analyzer.CreateDefault();
        TryAnalyze(analyzer, pages[0].Bytes, pages[0].File);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        if (analyzer.DiagnosisUnavailableReason is { } reason) Console.Error.WriteLine($"No classification timed: {reason}");

        var totals = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        var failures = 0;
        foreach (var (file, bytes) in pages)
        {
            var clock = Stopwatch.StartNew();
            var summary = TryAnalyze(analyzer, bytes, file);
            if (summary?.StageMs is null) { failures++; continue; }
            totals.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var (stage, ms) in summary.StageMs)
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
        }

        var batchClock = Stopwatch.StartNew();
        new BatchAnalysis(analyzer, Environment.ProcessorCount).Run(files);
        var pagesPerS = files.Count / batchClock.Elapsed.TotalSeconds;

        Console.WriteLine($"pages: {pages.Count} from {data} ({failures} refused), cores: {Environment.ProcessorCount}");
        Console.WriteLine($"cold (load models + first page, in-process): {coldMs:0} ms");
        if (totals.Count > 0)
            Console.WriteLine($"warm per page, one at a time: median {Median(totals):0.0} ms, p90 {Percentile(totals, 0.9):0.0} ms");
        foreach (var (stage, list) in stages.Where(s => !s.Key.Contains('.')).Concat(stages.Where(s => s.Key.Contains('.'))))
            Console.WriteLine($"  {stage,-22} median {Median(list),7:0.0} ms");
        Console.WriteLine($"batch ({Environment.ProcessorCount} in parallel, in-process): {pagesPerS:0.0} pages/s");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB");
        return 0;
    }

    private static AnalysisSummary? TryAnalyze(IPageAnalyzer analyzer, byte[] bytes, string file)
    {
        try { return analyzer.Analyze(bytes, file).Summary; }
        catch (DigitizationException) { return null; }
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
    }
}
