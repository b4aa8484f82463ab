using System.CommandLine;
using System.Globalization;
using HeartGuard.Analysis;
using HeartGuard.Imaging;
using HeartGuard.Signals;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard bench hr --data DIR`: the measured heart rate against the rate the ECG machine printed
/// (labels.csv column heart_rate_printed), per page and in total, with plots of the misses to look at.</summary>
internal static class BenchHeartRateCommand
{
    private const double ToleranceBpm = 3;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder with labels.csv (file, ..., heart_rate_printed) and the pages it names.", Required = true };
        var plots = new Option<string?>("--plots") { Description = "Write a 12-lead plot with the detected beats marked for every miss into this folder." };
        var command = new Command("hr", $"Share of pages whose measured heart rate is within {ToleranceBpm} bpm of the printed rate; lists the misses.");
        command.Options.Add(data);
        command.Options.Add(plots);
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(plots)));
        return command;
    }

    private sealed record Page(string File, double PrintedBpm);

    private sealed record Outcome(Page Page, double? MeasuredBpm, int Beats, string? Source, string? Error)
    {
        public bool Within => MeasuredBpm is { } bpm && Math.Abs(bpm - Page.PrintedBpm) <= ToleranceBpm;
    }

    private static int Run(string folder, string? plotDir)
    {
        var labels = Path.Combine(folder, "labels.csv");
        if (!File.Exists(labels)) { Console.Error.WriteLine($"No labels.csv in {folder}."); return 1; }
        var pages = ReadPrintedRates(labels);
        if (pages.Count == 0) { Console.Error.WriteLine($"{labels} has no heart_rate_printed values."); return 1; }
        if (plotDir is not null) Directory.CreateDirectory(plotDir);

        var digitizer = new Digitizer();
        var pipeline = new MeasurementPipeline();
        var outcomes = new Outcome[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var page = pages[i];
            try
            {
                var digitized = digitizer.Digitize(File.ReadAllBytes(Path.Combine(folder, page.File)), Path.GetFileNameWithoutExtension(page.File));
                var measured = pipeline.Measure(digitized.Record);
                outcomes[i] = new Outcome(page, measured.HeartRateBpm, measured.BeatCount, measured.RhythmSource, null);
                if (plotDir is not null && !outcomes[i].Within)
                    File.WriteAllBytes(Path.Combine(plotDir, Path.GetFileNameWithoutExtension(page.File) + ".png"),
                        LeadPlot.RenderPng(digitized.Record, digitized.Layout, measured.RPeakSamples));
            }
            catch (Exception e) when (e is DigitizationException or IOException)
            {
                outcomes[i] = new Outcome(page, null, 0, null, e.Message);
            }
        });

        foreach (var o in outcomes.Where(o => !o.Within).OrderBy(o => o.Page.File, StringComparer.Ordinal))
            Console.WriteLine($"miss {o.Page.File}: printed {o.Page.PrintedBpm}, measured " +
                              (o.Error ?? (o.MeasuredBpm is { } bpm ? $"{bpm:0.0} ({o.Beats} beats, {o.Source})" : "not measurable")));
        var within = outcomes.Count(o => o.Within);
        var notMeasurable = outcomes.Count(o => o.MeasuredBpm is null);
        Console.WriteLine($"{within}/{pages.Count} pages ({100.0 * within / pages.Count:0.0} %) within {ToleranceBpm} bpm of the printed rate; " +
                          $"{notMeasurable} not measurable, {pages.Count - within - notMeasurable} wrong");
        return 0;
    }

    private static List<Page> ReadPrintedRates(string labelsCsv)
    {
        var lines = File.ReadAllLines(labelsCsv);
        var header = lines[0].Split(',');
        int file = Array.IndexOf(header, "file"), printed = Array.IndexOf(header, "heart_rate_printed");
        if (file < 0 || printed < 0) return [];
        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Where(cols => cols.Length > printed && cols[printed].Length > 0)
            .Select(cols => new Page(cols[file], double.Parse(cols[printed], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
