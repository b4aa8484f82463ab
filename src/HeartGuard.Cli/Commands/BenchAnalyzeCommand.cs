using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class BenchAnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'bench analyze' is not available in this build yet."); return 1; });
        return command;
    }
}
