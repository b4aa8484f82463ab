using HeartGuard.Analysis;

namespace HeartGuard.Web;

/// <summary>What the result page needs from one analysis: the public summary, the self-contained report
/// (displayed as is, so page and report cannot disagree) and the signal files to download.</summary>
internal sealed record ResultPayload(AnalysisSummary Summary, string ReportHtml)
{
    public static ResultPayload From(PageAnalysis analysis) => new(analysis.Summary, HtmlReport.Render(analysis));
}
