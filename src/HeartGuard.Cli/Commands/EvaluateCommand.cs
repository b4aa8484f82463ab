using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'evaluate' is not available in this build yet."); return 1; });
        return command;
    }
}
