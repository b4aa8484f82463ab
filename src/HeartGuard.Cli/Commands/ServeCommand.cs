using System.CommandLine;
using HeartGuard.Web;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard serve`: the web app and REST API. Settings beyond --urls pass through to ASP.NET
/// configuration, e.g. --HeartGuard:ApiKey=... (or the environment variable HeartGuard__ApiKey).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (semicolon-separated). Use http://0.0.0.0:7860 in a container.",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var command = new Command("serve", "Run the web app and REST API (upload page, /api/v1/..., /openapi/v1.json, /scalar).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var model = new Option<string?>("--model") { Description = "Model bundle folder (default: the shipped models/default, or HEARTGUARD_MODEL)." };
        command.Options.Add(urls);
        command.Options.Add(model);
        command.SetAction(async parseResult =>
        {
            string[] modelSetting = parseResult.GetValue(model) is { } dir ? [$"--HeartGuard:Model={Path.GetFullPath(dir)}"] : [];
            string[] args = ["--urls", parseResult.GetValue(urls)!, .. modelSetting, .. parseResult.UnmatchedTokens];
            // ASP.NET handles Ctrl+C and SIGTERM (container stop) itself and shuts down gracefully.
            await using var app = WebHost.Build(args);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
