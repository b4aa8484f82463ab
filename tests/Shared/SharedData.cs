namespace HeartGuard.Tests.Shared;

/// <summary>Locates ../shared/data beside the checkout. Tests that need it are [SkippableFact]s and call
/// <see cref="RequireOrSkip"/>, which skips with a clear message on a machine without it, and fails in CI (CI=true), where it must exist.</summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("HEARTGUARD_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && dir.Name != "main") return candidate;
            var sibling = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "HeartGuard.sln")) && Directory.Exists(sibling))
                return Path.GetFullPath(sibling);
        }
        return null;
    }

    /// <summary>The absolute path of <paramref name="relative"/> under shared/data, or a skip.</summary>
    public static string RequireOrSkip(string relative)
    {
        if (Root is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException("CI must have ../shared/data beside the checkout, and it is missing.");
            Xunit.Skip.If(true, "../shared/data is not present beside the checkout; this test needs the real development data.");
        }
        var path = Path.Combine(Root!, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Expected {relative} under {Root}.", path);
        return path;
    }
}

