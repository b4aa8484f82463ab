using System.CommandLine;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard bench ...`: timing runs on real pages, one subcommand per pipeline part.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed and accuracy on real pages (medians per stage).");
        command.Subcommands.Add(BenchDigitizeCommand.Create());
        command.Subcommands.Add(BenchAnalyzeCommand.Create());
        command.Subcommands.Add(BenchHeartRateCommand.Create());
        return command;
    }
}
