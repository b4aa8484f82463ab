using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'analyze' is not available in this build yet."); return 1; });
        return command;
    }
}
