using HeartGuard.Imaging.Loading;
using System.CommandLine;
using System.Diagnostics;
using HeartGuard.Imaging;
using HeartGuard.Imaging.Scoring;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard bench digitize --data DIR`: SNR against ground truth where the folder has it
/// (ecg-image-kit renders, synthesizer pages), layout/scale/lead counts where it does not, and the median time
/// per page and per stage. Runs one page at a time on one OpenCV thread so times are single-core times.</summary>
internal static class BenchDigitizeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of page images (searched recursively).", Required = true };
        var limit = new Option<int>("--limit") { Description = "Score at most this many pages (0 = all).", DefaultValueFactory = _ => 0 };
        var verbose = new Option<bool>("--per-lead") { Description = "Print every page's per-lead SNR." };
        var command = new Command("digitize", "Score the digitizer: SNR vs ground truth (Challenge 2024 definition), layout, scale, timings.");
        command.Options.Add(data);
        command.Options.Add(limit);
        command.Options.Add(verbose);
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(limit), parse.GetValue(verbose)));
        return command;
    }

    private static int Run(string folder, int limit, bool perLead)
    {
        if (!Directory.Exists(folder)) { Console.Error.WriteLine($"No such folder: {folder}"); return 1; }
        OpenCvSharp.Cv2.SetNumThreads(1);
        var pages = BenchPages.Find(folder);
        if (limit > 0) pages = pages.Take(limit).ToList();
        if (pages.Count == 0) { Console.Error.WriteLine($"No images in {folder}"); return 1; }
        var digitizer = new Digitizer();
        var scores = new List<PageScore>();
        var stageTimes = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        var layouts = new Dictionary<string, int>();
        var failures = new List<string>();
        var pxPerMm = new List<(string Name, double X, double Y, string Source)>();
        var leadCounts = new List<(string Name, int Leads, int Strips, double MinQuality)>();
        // First page once untimed: JIT and native library loading are not per-page costs.
        TryDigitize(digitizer, pages[0].ImagePath, out _);
        foreach (var page in pages)
        {
            var bytes = File.ReadAllBytes(page.ImagePath);
            var start = Stopwatch.GetTimestamp();
            DigitizationResult result;
            try { result = digitizer.Digitize(bytes, Path.GetFileNameWithoutExtension(page.ImagePath)); }
            catch (DigitizationException e) { failures.Add($"{page.ImagePath}: {e.Reason}"); continue; }
            totals.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            foreach (var (stage, ms) in result.StageMs) (stageTimes.TryGetValue(stage, out var l) ? l : stageTimes[stage] = []).Add(ms);
            layouts[result.Layout.Name] = layouts.GetValueOrDefault(result.Layout.Name) + 1;
            pxPerMm.Add((page.Name, result.Calibration.PxPerMmX, result.Calibration.PxPerMmY, result.Calibration.Source.ToString()));
            leadCounts.Add((page.Name, result.Record.Leads.Count(l => l.PresentCount > 0), result.Traces.Count(t => t.Placement.IsRhythmStrip && t.Quality > 0.5),
                result.Traces.Min(t => t.Quality)));
            if (page.Truth is null) continue;
            var score = PageScore.Compute(page.Truth, result.Record);
            scores.Add(score);
            Console.WriteLine($"{page.Name,-28} unaligned {score.MeanUnaligned,6:0.00} dB  aligned {score.MeanAligned,6:0.00} dB  {result.Layout.Name}  {result.Calibration.PxPerMmX:0.000} px/mm");
            if (perLead)
                Console.WriteLine("    " + string.Join("  ", score.PerLead.Select(kv => $"{kv.Key} {kv.Value.Unaligned:0.0}/{kv.Value.Aligned:0.0}")));
        }
        Report(pages.Count, scores, stageTimes, totals, layouts, failures, pxPerMm, leadCounts);
        return 0;
    }

    private static void TryDigitize(Digitizer digitizer, string path, out DigitizationResult? result)
    {
        try { result = digitizer.Digitize(File.ReadAllBytes(path), "warmup"); }
        catch (DigitizationException) { result = null; }
    }

    private static void Report(int pageCount, List<PageScore> scores, Dictionary<string, List<double>> stageTimes, List<double> totals,
        Dictionary<string, int> layouts, List<string> failures, List<(string Name, double X, double Y, string Source)> pxPerMm,
        List<(string Name, int Leads, int Strips, double MinQuality)> leadCounts)
    {
        Console.WriteLine();
        Console.WriteLine($"pages: {pageCount}, digitized: {totals.Count}, rejected: {failures.Count}");
        foreach (var f in failures.Take(20)) Console.WriteLine($"  rejected {f}");
        Console.WriteLine("layouts: " + string.Join(", ", layouts.Select(kv => $"{kv.Key} x{kv.Value}")));
        if (pxPerMm.Count > 0)
        {
            Console.WriteLine($"px/mm x: min {pxPerMm.Min(p => p.X):0.000} median {Median(pxPerMm.Select(p => p.X)):0.000} max {pxPerMm.Max(p => p.X):0.000}; " +
                              $"y: min {pxPerMm.Min(p => p.Y):0.000} median {Median(pxPerMm.Select(p => p.Y)):0.000} max {pxPerMm.Max(p => p.Y):0.000}; sources: " +
                              string.Join(", ", pxPerMm.GroupBy(p => p.Source).Select(g => $"{g.Key} x{g.Count()}")));
            Console.WriteLine($"leads with samples: min {leadCounts.Min(l => l.Leads)} of 12; pages with a rhythm strip of quality > 0.5: {leadCounts.Count(l => l.Strips > 0)}");
            foreach (var worst in leadCounts.OrderBy(l => l.MinQuality).Take(5))
                Console.WriteLine($"  lowest lead quality {worst.MinQuality:0.000} on {worst.Name}");
        }
        if (scores.Count > 0)
        {
            Console.WriteLine("per lead (mean over pages, unaligned / aligned dB):");
            var leads = scores.SelectMany(s => s.PerLead.Keys).Distinct().OrderBy(l => HeartGuard.Core.StandardLeads.IndexOf(l));
            Console.WriteLine("  " + string.Join("  ", leads.Select(l =>
                $"{l} {scores.Where(s => s.PerLead.ContainsKey(l)).Average(s => s.PerLead[l].Unaligned):0.0}/{scores.Where(s => s.PerLead.ContainsKey(l)).Average(s => s.PerLead[l].Aligned):0.0}")));
            Console.WriteLine($"MEAN SNR over {scores.Count} pages: unaligned {scores.Average(s => s.MeanUnaligned):0.00} dB, aligned {scores.Average(s => s.MeanAligned):0.00} dB");
        }
        if (totals.Count > 0)
        {
            Console.WriteLine($"median time per page (one core, decode included): {Median(totals):0.0} ms");
            Console.WriteLine("median per stage: " + string.Join(", ", stageTimes.Select(kv => $"{kv.Key} {Median(kv.Value):0.0} ms")));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToList();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}

/// <summary>Pages of a bench folder with their ground truth when it is there.</summary>
internal sealed record BenchPages(string Name, string ImagePath, GroundTruthPage? Truth)
{
    public static List<BenchPages> Find(string folder)
    {
        var pages = new List<BenchPages>();
        foreach (var path in ImageFiles.In(folder))
        {
            var json = Path.ChangeExtension(path, ".json");
            var truth = !File.Exists(json) ? null
                : EcgImageKitTruth.IsRenderJson(json) ? EcgImageKitTruth.Load(json)
                : SynthTruth.IsSynthJson(json) ? SynthTruth.Load(json, path) : null;
            pages.Add(new BenchPages(Path.GetFileNameWithoutExtension(path), path, truth));
        }
        return pages;
    }
}
