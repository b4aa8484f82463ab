using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'bench' is not available in this build yet."); return 1; });
        return command;
    }
}
