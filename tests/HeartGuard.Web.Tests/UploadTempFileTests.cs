using System.Net;

namespace HeartGuard.Web.Tests;

/// <summary>Uploads are held in memory: ASP.NET's buffering directory sees no file at any moment, and
/// nothing is left behind in the system temp directory after 20 large concurrent uploads.</summary>
public class UploadTempFileTests
{
    [Fact]
    public async Task Twenty_concurrent_large_uploads_write_no_temp_file()
    {
        var aspnetTemp = Directory.CreateTempSubdirectory("heartguard-aspnet-temp-").FullName;
        var previous = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", aspnetTemp);
        var created = 0;
        using var watcher = new FileSystemWatcher(aspnetTemp) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Interlocked.Increment(ref created);
        var systemTempBefore = TempFilesOf(Path.GetTempPath());
        try
        {
            await UploadAsync();
            Assert.Equal(0, created);
            Assert.Empty(Directory.EnumerateFileSystemEntries(aspnetTemp));
            // Other processes share /tmp; only files named like ASP.NET's buffers would be ours.
            Assert.Empty(TempFilesOf(Path.GetTempPath()).Except(systemTempBefore));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", previous);
            Directory.Delete(aspnetTemp, recursive: true);
        }
    }

    private static async Task UploadAsync()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var client = app.CreateClient();
        var image = new byte[3 * 1024 * 1024];
        TestImages.Png().CopyTo(image, 0);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/api/v1/analyze", WebTestHost.Upload(image))));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
    }

    private static HashSet<string> TempFilesOf(string dir) =>
        Directory.EnumerateFiles(dir, "ASPNETCORE_*.tmp").ToHashSet();
}
