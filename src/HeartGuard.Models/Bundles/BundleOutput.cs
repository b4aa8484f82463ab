namespace HeartGuard.Models;

/// <summary>Writes a model bundle through a staging folder beside its target. A training run that fails or is
/// stopped leaves the previous bundle whole and no half-written one; a bundle written over an older one replaces
/// it entirely (training into an existing bundle once left the old heads beside the new, named by nothing); and a
/// folder holding anything but a bundle is refused rather than filled.</summary>
public static class BundleOutput
{
    /// <summary>Runs <paramref name="write"/> on a fresh staging folder, then puts that folder at
    /// <paramref name="directory"/>, replacing a bundle there (one with any of <paramref name="manifestFiles"/>).</summary>
    public static void Write(string directory, IReadOnlyList<string> manifestFiles, Action<string> write)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var isBundle = manifestFiles.Any(m => File.Exists(Path.Combine(target, m)));
        if (Directory.Exists(target) && !isBundle && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"{directory} holds files that are not a model bundle: give a new or empty folder, or a bundle to replace");
        var staging = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            write(staging);
            string? old = null;
            if (Directory.Exists(target))
            {
                old = $"{target}.old-{Guid.NewGuid():N}";
                Directory.Move(target, old);
            }
            try { Directory.Move(staging, target); }
            catch
            {
                if (old is not null) Directory.Move(old, target);
                throw;
            }
            if (old is not null) Directory.Delete(old, recursive: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
