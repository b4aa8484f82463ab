using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'train' is not available in this build yet."); return 1; });
        return command;
    }
}
