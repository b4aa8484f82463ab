using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class SynthCommand
{
    public static Command Create()
    {
        var command = new Command("synth", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'synth' is not available in this build yet."); return 1; });
        return command;
    }
}
