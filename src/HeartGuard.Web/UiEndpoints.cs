using System.Reflection;
using HeartGuard.Analysis;
using HeartGuard.Core;

namespace HeartGuard.Web;

/// <summary>The browser UI: static files embedded in this assembly, and the one route the result page
/// calls, which answers with the summary, the HTML report (shown in the page and offered as a download)
/// and the signal downloads, so the server keeps nothing after the request. The occlusion heatmap costs
/// dozens of extra network runs, so it is computed only when asked for (<c>?explain=true</c>: the result page's
/// button sends the same file again).</summary>
internal static class UiEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8", [".svg"] = "image/svg+xml",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Embedded("index.html")).ExcludeFromDescription();
        app.MapGet("/ui/report.css", () => Results.Text(HtmlReport.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/ui/{file}", (string file) => Embedded(file)).ExcludeFromDescription();
        app.MapPost("/ui/analyze", (HttpContext http, IPageAnalyzer analyzer, HeartGuardWebOptions options, ILoggerFactory logs, bool? explain) =>
                ApiEndpoints.RunAsync(http, options, logs, explain == true ? "ui-explain" : "ui-analyze", upload =>
                    Results.Json(ResultPayload.From(analyzer.Analyze(upload.Bytes, upload.FileName, explain == true, http.RequestAborted)), Json.Compact)))
            .AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(ApiEndpoints.AnalysisPolicy).DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static IResult Embedded(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ui/" + file);
        return stream is null || !ContentTypes.TryGetValue(Path.GetExtension(file), out var type)
            ? Results.NotFound()
            : Results.Stream(stream, type);
    }
}
