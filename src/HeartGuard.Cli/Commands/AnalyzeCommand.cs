using System.CommandLine;
using System.Text.Json;
using HeartGuard.Analysis;
using HeartGuard.Core;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard analyze <images|folders> [--json] [--report DIR]`: analyzes pages in parallel, carries on
/// past bad files and lists them at the end, writes a CSV summary, and optionally one HTML report per page.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Image files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print a JSON array on stdout, one object per image." };
        var report = new Option<string?>("--report") { Description = "Write one self-contained HTML report per image into this folder." };
        var csv = new Option<string?>("--csv") { Description = "Where to write the CSV summary (default: DIR/summary.csv with --report, else heartguard-summary.csv)." };
        var parallel = new Option<int>("--parallel") { Description = "Pages analyzed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var model = new Option<string?>("--model") { Description = "Model bundle folder (default: the shipped models/default, or HEARTGUARD_MODEL)." };
        var command = new Command("analyze", "Diagnosis with probabilities, layout, measurements, quality and timings for each ECG page image.");
        command.Arguments.Add(inputs);
        command.Options.Add(json);
        command.Options.Add(report);
        command.Options.Add(csv);
        command.Options.Add(parallel);
        command.Options.Add(model);
        command.SetAction(parseResult => Run(parseResult.GetValue(inputs)!, parseResult.GetValue(json), parseResult.GetValue(report),
            parseResult.GetValue(csv), parseResult.GetValue(parallel), parseResult.GetValue(model)));
        return command;
    }

    private static int Run(string[] inputs, bool json, string? reportDir, string? csvPath, int parallel, string? modelDir)
    {
        var (files, missing) = InputFiles.Expand(inputs);
        foreach (var m in missing) Console.Error.WriteLine($"Not found: {m}");
        if (files.Count == 0)
        {
            Console.Error.WriteLine("No image files to analyze (PNG, JPEG, TIFF, BMP or WebP).");
            return 1;
        }
        if (reportDir is not null) Directory.CreateDirectory(reportDir);

        // The model loads while the first pages are digitized; asking whether it is there would wait for it.
        var analyzer = Analyzer.Create(modelDir);
        var batch = new BatchAnalysis(analyzer, parallel)
        {
            Explain = reportDir is not null,
            OnAnalyzed = reportDir is null ? null : a => File.WriteAllText(ReportPath(reportDir, a.Summary.File), HtmlReport.Render(a)),
        };
        var summaries = BatchProgress.Run(batch, files);

        if (json) Console.Out.WriteLine(JsonSerializer.Serialize(summaries, Json.Options));
        else foreach (var s in summaries) Console.Out.WriteLine(Describe(s));

        csvPath ??= reportDir is null ? "heartguard-summary.csv" : Path.Combine(reportDir, "summary.csv");
        using (var writer = new StreamWriter(csvPath)) CsvSummary.Write(summaries, writer);
        var failed = summaries.Where(s => s.Error is not null).ToList();
        if (analyzer.DiagnosisUnavailableReason is { } reason) Console.Error.WriteLine($"No diagnosis in this run: {reason}");
        Console.Error.WriteLine($"Analyzed {summaries.Count - failed.Count} of {summaries.Count} images; CSV summary: {csvPath}" +
                                (reportDir is null ? "" : $"; reports in {reportDir}"));
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"{failed.Count} image(s) could not be analyzed:");
            foreach (var f in failed) Console.Error.WriteLine($"  {f.File}: {f.Error}");
        }
        return failed.Count > 0 || missing.Count > 0 ? 1 : 0;
    }

    private static string ReportPath(string dir, string file) => Path.Combine(dir, Path.GetFileNameWithoutExtension(file) + ".html");

    private static string Describe(AnalysisSummary s) => s.Error is not null
        ? $"{s.File}: FAILED ({s.Error})"
        : $"{s.File}: {(s.Diagnosis is { } d ? $"{d.Label} ({d.Confidence:P0}{(d.IsUncertain ? ", uncertain" : "")})" : "no diagnosis")}, " +
          $"layout {s.Layout}, HR {(s.Measurements?.HeartRateBpm is { } hr ? $"{hr:0} bpm" : "not measurable")}";
}
