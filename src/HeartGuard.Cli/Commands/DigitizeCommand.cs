using HeartGuard.Imaging.Loading;
using System.Collections.Concurrent;
using System.CommandLine;
using HeartGuard.Core.IO;
using HeartGuard.Core.Wfdb;
using HeartGuard.Imaging;
using HeartGuard.Imaging.Export;
using Spectre.Console;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard digitize <images|folders> -o DIR [--format wfdb,csv,json] [--overlay]`.
/// Exit 0 when every page was digitized, 2 when a picture is not an ECG, 1 for other failures.
/// Every file is written under a temporary name and moved into place, so a failure leaves nothing behind.</summary>
internal static class DigitizeCommand
{
    private static readonly string[] Formats = ["wfdb", "csv", "json"];

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Image files or folders of images." };
        var output = new Option<string>("--output", "-o") { Description = "Output folder.", Required = true };
        var format = new Option<string>("--format") { Description = $"Comma-separated outputs: {string.Join(",", Formats)}.", DefaultValueFactory = _ => string.Join(",", Formats) };
        var overlay = new Option<bool>("--overlay") { Description = "Also write <name>.overlay.png with the traces drawn over the page." };
        var command = new Command("digitize", "Turn ECG page images into calibrated 12-lead signals (500 Hz, microvolts).");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(overlay);
        command.SetAction(parse => Run(parse.GetValue(inputs) ?? [], parse.GetValue(output)!, parse.GetValue(format)!, parse.GetValue(overlay)));
        return command;
    }

    private static int Run(string[] inputs, string outDir, string formatList, bool overlay)
    {
        var formats = formatList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).ToHashSet();
        var unknown = formats.Except(Formats).ToList();
        if (unknown.Count > 0) { Console.Error.WriteLine($"Unknown format(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Formats)}."); return 1; }
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(ImageFiles.In(input));
            else if (File.Exists(input)) files.Add(input);
            else { Console.Error.WriteLine($"No such file or folder: {input}"); return 1; }
        }
        if (files.Count == 0) { Console.Error.WriteLine("No images to digitize."); return 1; }
        Directory.CreateDirectory(outDir);

        var digitizer = new Digitizer();
        var outcomes = new ConcurrentBag<(string File, DigitizationError? Error, string Message)>();
        void Process(string file)
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                var name = Path.GetFileNameWithoutExtension(file);
                var result = digitizer.Digitize(bytes, name);
                Write(outDir, name, result, formats, overlay ? Overlay.RenderPng(bytes, result) : null, file);
                outcomes.Add((file, null, $"{result.Layout.Name}, {result.Calibration.PxPerMmX:0.00} px/mm ({result.Calibration.Source})"));
            }
            catch (DigitizationException e) { outcomes.Add((file, e.Kind, e.Reason)); }
            catch (IOException e) { outcomes.Add((file, DigitizationError.Unreadable, e.Message)); }
            catch (Exception e) { outcomes.Add((file, DigitizationError.Unreadable, $"internal error while digitizing: {e.Message}")); }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (Console.IsOutputRedirected)
        {
            var done = 0;
            Parallel.ForEach(files, options, f =>
            {
                Process(f);
                Console.WriteLine($"[{Interlocked.Increment(ref done)}/{files.Count}] {f}");
            });
        }
        else
        {
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("digitizing", maxValue: files.Count);
                Parallel.ForEach(files, options, f => { Process(f); task.Increment(1); });
            });
        }

        foreach (var (file, error, message) in outcomes.OrderBy(o => o.File, StringComparer.Ordinal))
            if (error is null) Console.WriteLine($"ok  {file}: {message}");
            else Console.Error.WriteLine($"failed  {file}: {message}");
        var failed = outcomes.Count(o => o.Error is not null);
        Console.WriteLine($"{outcomes.Count - failed} digitized, {failed} failed, output in {outDir}");
        if (outcomes.Any(o => o.Error == DigitizationError.NotAnEcg)) return 2;
        return failed > 0 ? 1 : 0;
    }

    private static void Write(string dir, string name, DigitizationResult result, HashSet<string> formats, byte[]? overlayPng, string source)
    {
        var pending = new List<(string Temp, string Final)>();
        try
        {
            void Stage(string fileName, Action<string> write)
            {
                var final = Path.Combine(dir, fileName);
                var temp = final + $".tmp-{Guid.NewGuid():N}";
                pending.Add((temp, final));
                write(temp);
            }
            if (formats.Contains("wfdb"))
            {
                // WFDB record names are letters, digits, '_' and '-' (wfdb-python rejects others, e.g. "Normal(10)").
                var recordName = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
                var (header, data) = WfdbWriter.Encode(result.Record, recordName, [$"Digitized by HeartGuard from {Path.GetFileName(source)}"]);
                Stage(recordName + ".hea", p => File.WriteAllText(p, header));
                Stage(recordName + ".dat", p => File.WriteAllBytes(p, data));
            }
            if (formats.Contains("csv")) Stage(name + ".csv", p => File.WriteAllText(p, EcgCsv.ToCsv(result.Record)));
            if (formats.Contains("json")) Stage(name + ".json", p => File.WriteAllText(p, DigitizationJson.Serialize(result, source)));
            if (overlayPng is not null) Stage(name + ".overlay.png", p => File.WriteAllBytes(p, overlayPng));
            foreach (var (temp, final) in pending) File.Move(temp, final, overwrite: true);
        }
        finally
        {
            foreach (var (temp, _) in pending) if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
