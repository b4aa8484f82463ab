using System.CommandLine;

namespace HeartGuard.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "(being built)");
        command.SetAction(_ => { Console.Error.WriteLine("'serve' is not available in this build yet."); return 1; });
        return command;
    }
}
