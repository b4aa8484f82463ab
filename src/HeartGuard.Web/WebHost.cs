using System.Threading.RateLimiting;
using HeartGuard.Analysis;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace HeartGuard.Web;

/// <summary>Builds and runs the web app; `heartguard serve` and the web project's own entry point share it.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(HeartGuardWebOptions.Section).Get<HeartGuardWebOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IPageAnalyzer>(_ => Analyzer.Create(builder.Configuration["HeartGuard:Model"]));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.Remove("exception"));
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(o => ConfigureLimiter(o, options));
        // Request lines name paths and statuses only; ASP.NET's own info logs are not needed and stay quiet.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("HeartGuard API"));
        ApiEndpoints.Map(app);
        UiEndpoints.Map(app);
        SamplePages.Map(app);
        return app;
    }

    public static void Run(string[] args) => Build(args).Run();

    /// <summary>Analyses hold a core each; past the slots and a short queue the answer is 503 + Retry-After.</summary>
    private static void ConfigureLimiter(RateLimiterOptions limiter, HeartGuardWebOptions options)
    {
        limiter.AddConcurrencyLimiter(ApiEndpoints.AnalysisPolicy, c =>
        {
            c.PermitLimit = Math.Max(1, options.MaxConcurrentAnalyses);
            c.QueueLimit = Math.Max(0, options.QueueLength);
            c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString();
            await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "Busy",
                    $"All analysis slots are taken; retry in {options.RetryAfterSeconds} s.")
                .ExecuteAsync(http);
        };
    }
}
