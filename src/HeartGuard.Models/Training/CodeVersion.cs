using System.Diagnostics;

namespace HeartGuard.Models.Training;

/// <summary>The git commit the training code came from (with "-dirty" for uncommitted changes), or "unknown".</summary>
public static class CodeVersion
{
    public static string Current()
    {
        var head = Git("rev-parse HEAD");
        if (head is null) return "unknown";
        var dirty = Git("status --porcelain --untracked-files=no -- src");
        return string.IsNullOrWhiteSpace(dirty) ? head : head + "-dirty";
    }

    private static string? Git(string args)
    {
        try
        {
            var psi = new ProcessStartInfo("git", args)
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory.GetCurrentDirectory() };
            using var p = Process.Start(psi);
            if (p is null) return null;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
