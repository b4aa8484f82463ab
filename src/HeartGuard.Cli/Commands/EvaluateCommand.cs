using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models;
using HeartGuard.Models.Data;
using HeartGuard.Models.Deep;
using HeartGuard.Models.Evaluation;

namespace HeartGuard.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled folder: one subfolder per class (Mendeley names accepted).", Required = true };
        var model = new Option<string?>("--model") { Description = "Bundle folder, ML.NET or deep (default: the shipped models/default)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table and HTML report." };
        var report = new Option<string>("--report") { Description = "Where to write the HTML report.", DefaultValueFactory = _ => "evaluation-report.html" };
        var command = new Command("evaluate", "Score a model bundle on a labelled folder (distinct images only).");
        foreach (var o in new Option[] { data, model, json, report }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            try
            {
                var bundle = PageModels.Load(parse.GetValue(model) ?? ModelBundle.DefaultDirectory);
                var dataset = ImageDataset.Load(parse.GetValue(data)!);
                foreach (var w in dataset.Warnings) Console.Error.WriteLine("warning: " + w);
                var asJson = parse.GetValue(json);
                var result = Evaluator.Run(bundle, dataset, asJson ? null : Console.WriteLine);
                if (result.SeenInTraining > 0)
                    Console.Error.WriteLine($"warning: {result.SeenInTraining} of these images were in the model's training data; the figures are optimistic.");
                if (asJson)
                {
                    Console.WriteLine(JsonSerializer.Serialize(ToJson(result, bundle), Json.Options));
                    return 0;
                }
                PrintTable(result);
                var path = parse.GetValue(report)!;
                File.WriteAllText(path, HtmlReport.Render($"Evaluation on {Path.GetFileName(Path.GetFullPath(parse.GetValue(data)!).TrimEnd('/'))}", result, bundle.Manifest));
                Console.WriteLine($"HTML report: {Path.GetFullPath(path)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or JsonException)
            {
                Console.Error.WriteLine("evaluate: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    private static object ToJson(Evaluator.Result r, IPageModel bundle)
    {
        var m = r.Metrics;
        return new
        {
            n = m.N,
            labels = m.Labels,
            accuracy = m.Accuracy,
            macro_f1 = m.MacroF1,
            per_class = m.PerClass.ToDictionary(p => p.Key, p => new { precision = p.Value.Precision, recall = p.Value.Recall, f1 = p.Value.F1, support = p.Value.Support, roc_auc = p.Value.RocAuc }),
            confusion = m.Confusion,
            macro_roc_auc = m.MacroRocAuc,
            ece = m.Ece,
            accuracy_ci95 = m.AccuracyCi95 is { } a ? new[] { a.Low, a.High } : null,
            macro_f1_ci95 = m.MacroF1Ci95 is { } f ? new[] { f.Low, f.High } : null,
            files = r.FilesRead,
            seen_in_training = r.SeenInTraining,
            flagged_uncertain = r.FlaggedUncertain,
            mean_ms_per_image = r.MeanMsPerImage,
            model = bundle.Manifest.Model,
            code_version = bundle.Manifest.CodeVersion,
        };
    }

    private static void PrintTable(Evaluator.Result r)
    {
        var m = r.Metrics;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "{0} distinct images ({1} files). accuracy {2:F3} [{3:F3}, {4:F3}]  macro-F1 {5:F3} [{6:F3}, {7:F3}]  macro ROC-AUC {8:F3}  ECE {9:F3}",
            m.N, r.FilesRead, m.Accuracy, m.AccuracyCi95?.Low, m.AccuracyCi95?.High, m.MacroF1, m.MacroF1Ci95?.Low, m.MacroF1Ci95?.High, m.MacroRocAuc, m.Ece));
        Console.WriteLine($"{"class",-22}{"precision",10}{"recall",10}{"F1",10}{"support",10}{"ROC-AUC",10}");
        foreach (var (label, c) in m.PerClass)
            Console.WriteLine(string.Format(inv, "{0,-22}{1,10:F3}{2,10:F3}{3,10:F3}{4,10}{5,10:F3}", label, c.Precision, c.Recall, c.F1, c.Support, c.RocAuc));
        Console.WriteLine("confusion (rows = true, columns = predicted, in the order above):");
        for (var i = 0; i < m.Labels.Count; i++)
            Console.WriteLine($"{m.Labels[i],-22}" + string.Concat(m.Confusion[i].Select(v => $"{v,10}")));
    }
}
