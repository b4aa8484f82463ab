using System.CommandLine;
using HeartGuard.Cli.Commands;

var root = new RootCommand(
    "HeartGuard: paper 12-lead ECG images to calibrated signals, measurements and a diagnosis. " +
    "Research and education tool, not a medical device.");
root.Subcommands.Add(SynthCommand.Create());
root.Subcommands.Add(DigitizeCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return await root.Parse(args).InvokeAsync();
