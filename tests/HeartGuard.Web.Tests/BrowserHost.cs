using HeartGuard.Analysis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeartGuard.Web.Tests;

/// <summary>The app on a real loopback port (Kestrel) and Debian's headless Chromium driven by Playwright,
/// with the flags that keep Chromium off the network. Skips where Chromium is absent, except under CI=true,
/// where the browser test must run.</summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly IPlaywright _playwright;

    private BrowserHost(WebApplicationFactory<Program> factory, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _factory = factory;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    public static async Task<BrowserHost> StartAsync(IPageAnalyzer? analyzer = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI must run the browser tests, and {ChromiumPath} is missing (apt-get install chromium).");
            Skip.If(true, $"{ChromiumPath} is not installed; the browser test needs Debian's chromium package.");
        }
        var factory = WebTestHost.Create(analyzer);
        // A free loopback port: with UseKestrel(0) Kestrel fell back to its default, 127.0.0.1:5000, which a
        // running `heartguard serve` holds.
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new BrowserHost(factory, playwright, browser, address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    /// <summary>Where screenshots go: HEARTGUARD_SCREENSHOTS, else screenshots/ beside the test assembly.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Environment.GetEnvironmentVariable("HEARTGUARD_SCREENSHOTS") is { Length: > 0 } env
            ? env : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }
}
