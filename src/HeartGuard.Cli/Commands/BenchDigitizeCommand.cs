using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class BenchDigitizeCommand
{
    public static Command Create()
    {
        var command = new Command("digitize", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'bench digitize' is not available in this build yet."); return 1; });
        return command;
    }
}
