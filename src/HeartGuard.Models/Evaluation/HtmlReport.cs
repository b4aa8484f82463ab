using System.Net;
using System.Text;
using HeartGuard.Core;

namespace HeartGuard.Models.Evaluation;

/// <summary>A self-contained HTML page of an evaluation: figures, the confusion matrix, ROC curves and a
/// reliability diagram (plots embedded as PNG).</summary>
public static class HtmlReport
{
    public static string Render(string title, Evaluator.Result result, BundleManifestBase manifest)
    {
        var m = result.Metrics;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222}" +
                    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}" +
                    "th{background:#f4f4f4}img{max-width:100%}</style></head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        html.Append(($"<p>Model <b>{WebUtility.HtmlEncode(manifest.Model)}</b> (code {WebUtility.HtmlEncode(manifest.CodeVersion)}), " +
                        $"{m.N} distinct images from {result.FilesRead} files; {result.SeenInTraining} were in the training data.</p>"));
        html.Append(($"<p>Accuracy <b>{m.Accuracy:F3}</b> (95% CI {m.AccuracyCi95?.Low:F3}-{m.AccuracyCi95?.High:F3}), " +
                        $"macro-F1 <b>{m.MacroF1:F3}</b> (95% CI {m.MacroF1Ci95?.Low:F3}-{m.MacroF1Ci95?.High:F3}), " +
                        $"macro ROC-AUC {m.MacroRocAuc:F3}, ECE {m.Ece:F3}; {result.FlaggedUncertain} flagged uncertain.</p>"));
        html.Append("<h2>Per class</h2><table><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>ROC-AUC</th></tr>");
        foreach (var (label, c) in m.PerClass)
            html.Append(($"<tr><th>{label}</th><td>{c.Precision:F3}</td><td>{c.Recall:F3}</td><td>{c.F1:F3}</td><td>{c.Support}</td><td>{c.RocAuc:F3}</td></tr>"));
        html.Append("</table><h2>Confusion matrix</h2><table><tr><th>true \\ predicted</th>");
        foreach (var l in m.Labels) html.Append("<th>").Append(l).Append("</th>");
        html.Append("</tr>");
        for (var i = 0; i < m.Labels.Count; i++)
        {
            var rowTotal = Math.Max(1, m.Confusion[i].Sum());
            html.Append("<tr><th>").Append(m.Labels[i]).Append("</th>");
            for (var j = 0; j < m.Labels.Count; j++)
            {
                var shade = (int)(255 - 160.0 * m.Confusion[i][j] / rowTotal);
                var colour = i == j ? $"rgb({shade},255,{shade})" : $"rgb(255,{shade},{shade})";
                html.Append(($"<td style=\"background:{colour}\">{m.Confusion[i][j]}</td>"));
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        html.Append("<h2>ROC curves (one vs rest)</h2>").Append(Image(RocPlot(result)));
        html.Append("<h2>Reliability diagram</h2>").Append(Image(ReliabilityPlot(result)));
        html.Append("<p style=\"color:#666\">Research and education tool, not a medical device.</p></body></html>");
        return html.ToString();
    }

    private static byte[] RocPlot(Evaluator.Result result)
    {
        var plot = new ScottPlot.Plot();
        for (var c = 0; c < DiagnosticClasses.All.Count; c++)
        {
            if (!result.Truth.Contains(c)) continue;
            var curve = ClassificationMetrics.RocCurve(result.Truth, result.Probabilities, c);
            var line = plot.Add.ScatterLine(curve.Select(p => p.Fpr).ToArray(), curve.Select(p => p.Tpr).ToArray());
            line.LegendText = $"{DiagnosticClasses.All[c]} (AUC {result.Metrics.PerClass[DiagnosticClasses.All[c]].RocAuc:F3})";
        }
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 }).LinePattern = ScottPlot.LinePattern.Dashed;
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot.GetImageBytes(640, 480, ScottPlot.ImageFormat.Png);
    }

    private static byte[] ReliabilityPlot(Evaluator.Result result)
    {
        var plot = new ScottPlot.Plot();
        var bins = ClassificationMetrics.Reliability(result.Truth, result.Probabilities);
        var line = plot.Add.Scatter(bins.Select(b => b.Confidence).ToArray(), bins.Select(b => b.Accuracy).ToArray());
        line.LegendText = "observed accuracy per confidence bin";
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 }).LinePattern = ScottPlot.LinePattern.Dashed;
        plot.XLabel("predicted confidence (top class)");
        plot.YLabel("accuracy");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot.GetImageBytes(640, 480, ScottPlot.ImageFormat.Png);
    }

    private static string Image(byte[] png) => $"<img alt=\"plot\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">";
}
