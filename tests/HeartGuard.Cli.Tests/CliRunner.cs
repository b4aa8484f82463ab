using System.Diagnostics;

namespace HeartGuard.Cli.Tests;

/// <summary>Runs the built `heartguard` CLI (copied beside the tests) as a separate process, so exit codes,
/// stdout and stderr are exactly what a user sees.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OMP_WAIT_POLICY"] = "PASSIVE" },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heartguard.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("heartguard did not finish in 5 minutes"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
