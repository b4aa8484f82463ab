using System.Diagnostics;
using HeartGuard.Analysis;
using HeartGuard.Core;
using HeartGuard.Imaging;

namespace HeartGuard.Web;

/// <summary>The REST API under /api/v1: thin handlers that read the upload, call the analyzer and map
/// refusals to problem+json. Logs carry sizes, statuses and times only, never file names or page text.</summary>
internal static class ApiEndpoints
{
    public const string AnalysisPolicy = "analysis";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("HeartGuard");
        api.MapGet("/health", Health).WithSummary("Liveness and what this instance can do.");

        var guarded = api.MapGroup("").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(AnalysisPolicy).DisableAntiforgery();
        guarded.MapPost("/analyze", (HttpContext http, IPageAnalyzer analyzer, HeartGuardWebOptions options, ILoggerFactory logs) =>
                RunAsync(http, options, logs, "analyze", upload =>
                    Results.Json(analyzer.Analyze(upload.Bytes, upload.FileName, explain: false, http.RequestAborted).Summary, Json.Options)))
            .AcceptsImageUpload()
            .Produces<AnalysisSummary>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(503)
            .WithSummary("Analyze one ECG page image (multipart field 'file'): diagnosis, measurements, layout, quality, warnings.");
        guarded.MapPost("/digitize", (HttpContext http, IPageAnalyzer analyzer, HeartGuardWebOptions options, ILoggerFactory logs) =>
                RunAsync(http, options, logs, "digitize", upload =>
                    Results.Json(DigitizedSignals.From(analyzer.Digitize(upload.Bytes, upload.FileName, http.RequestAborted), upload.FileName), Json.Options)))
            .AcceptsImageUpload()
            .Produces<DigitizedSignals>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(503)
            .WithSummary("Digitize one ECG page image: calibrated signals in microvolts per lead (null = not on the page).");
    }

    private static IResult Health(HeartGuardWebOptions options, IPageAnalyzer analyzer) => Results.Json(new
    {
        Status = "ok",
        Diagnosis = analyzer.DiagnosisUnavailableReason is null ? "available" : "unavailable",
        Version = typeof(ApiEndpoints).Assembly.GetName().Version?.ToString(),
        ApiKeyRequired = !string.IsNullOrEmpty(options.ApiKey),
        MaxUploadBytes = options.MaxUploadBytes,
    }, Json.Options);

    /// <summary>Reads and validates the upload, runs <paramref name="work"/> on it, and turns a refused page
    /// into its problem answer.</summary>
    internal static async Task<IResult> RunAsync(HttpContext http, HeartGuardWebOptions options, ILoggerFactory logs,
        string operation, Func<ImageUpload, IResult> work)
    {
        var log = logs.CreateLogger("HeartGuard.Api");
        var clock = Stopwatch.StartNew();
        var (upload, problem) = await ImageUpload.ReadAsync(http.Request, options, http.RequestAborted);
        IResult result;
        try
        {
            result = problem ?? work(upload!);
        }
        catch (DigitizationException e)
        {
            result = Problems.Rejected(e);
        }
        log.LogInformation("{Operation}: {Bytes} bytes, {Format}, {Status}, {Ms:0} ms", operation, upload?.Bytes.Length ?? 0,
            upload?.Header.Format.ToString() ?? "-", (result as IStatusCodeHttpResult)?.StatusCode ?? 200, clock.Elapsed.TotalMilliseconds);
        return result;
    }
}
