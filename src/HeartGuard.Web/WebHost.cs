namespace HeartGuard.Web;

/// <summary>Builds and runs the web app; `heartguard serve` and the web project's own entry point share it.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/api/v1/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }

    public static void Run(string[] args) => Build(args).Run();
}
