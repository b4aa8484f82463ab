using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HeartGuard.Web.Tests;

/// <summary>The upload page in headless Chromium: a page image goes in through the file picker, and the
/// result page shows the diagnosis, all four probabilities and the 12-lead plot, at desktop and phone width.</summary>
public class UploadPageBrowserTests
{
    [SkippableTheory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Uploading_a_page_shows_diagnosis_probabilities_and_12_lead_plot(string device, int width, int height)
    {
        await using var host = await BrowserHost.StartAsync(TestPipeline.Analyzer);
        var page = await host.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(host.BaseUrl);
        await Expect(page.GetByRole(AriaRole.Note).First).ToContainTextAsync("Not for clinical use");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "synthetic-normal.png", MimeType = "image/png", Buffer = TestPipeline.SyntheticPage(),
        });

        var report = page.FrameLocator("#report");
        await Expect(report.GetByTestId("lead-plot")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        if (TestPipeline.Analyzer.DiagnosisUnavailableReason is null)
        {
            await Expect(report.GetByTestId("diagnosis-label")).ToBeVisibleAsync();
            await Expect(report.GetByTestId("probabilities").Locator("tr")).ToHaveCountAsync(4);
            foreach (var label in new[] { "Normal", "Abnormal heartbeat", "Myocardial infarction", "History of myocardial infarction" })
                await Expect(report.GetByTestId("probabilities")).ToContainTextAsync(label);
        }
        else
        {
            // Without a model bundle the page must say so rather than show a made-up diagnosis.
            await Expect(report.GetByTestId("diagnosis-unavailable")).ToBeVisibleAsync();
            await Expect(report.GetByTestId("probabilities")).ToHaveCountAsync(0);
        }
        await Expect(report.GetByTestId("heart-rate")).ToContainTextAsync("bpm");
        var plot = report.GetByTestId("lead-plot");
        await Expect(plot).ToBeVisibleAsync();
        Assert.True(await plot.EvaluateAsync<int>("img => img.naturalWidth") > 500);
        await Expect(page.Locator("#downloads a")).ToHaveCountAsync(4);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath($"result-{device}.png"), FullPage = true });
        // What the user sees first after the upload: the screen that holds the diagnosis.
        await report.GetByTestId("diagnosis").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath($"result-{device}-diagnosis.png") });
    }

    [SkippableFact]
    public async Task A_non_image_shows_the_problem_detail_not_a_stack_trace()
    {
        await using var host = await BrowserHost.StartAsync(new FakeAnalyzer());
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = TestImages.Text });
        await Expect(page.Locator("#status")).ToContainTextAsync("Not a supported image");
        await Expect(page.Locator("#status")).Not.ToContainTextAsync(" at ");
        Assert.True(await page.Locator("#result").IsHiddenAsync());
    }
}
