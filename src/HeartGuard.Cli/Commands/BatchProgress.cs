using HeartGuard.Analysis;
using Spectre.Console;

namespace HeartGuard.Cli.Commands;

/// <summary>Progress for a batch on stderr: a live bar on a terminal, one plain line per page otherwise
/// (Spectre draws nothing when output is redirected), so stdout stays clean for --json.</summary>
internal static class BatchProgress
{
    public static IReadOnlyList<AnalysisSummary> Run(BatchAnalysis batch, IReadOnlyList<string> files)
    {
        if (Console.IsErrorRedirected)
        {
            var done = 0;
            return batch.Run(files, s =>
                Console.Error.WriteLine($"[{Interlocked.Increment(ref done)}/{files.Count}] {s.File}: {(s.Error is null ? s.Diagnosis?.Label ?? "analyzed" : "failed")}"));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IReadOnlyList<AnalysisSummary> results = [];
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("Analyzing", maxValue: files.Count);
            results = batch.Run(files, _ => task.Increment(1));
        });
        return results;
    }
}
