namespace HeartGuard.Core;

/// <summary>The four diagnostic classes, with the exact strings and order that files, folders,
/// JSON and bundles use.</summary>
public static class DiagnosticClasses
{
    public const string Normal = "Normal";
    public const string AbnormalHeartbeat = "AbnormalHeartbeat";
    public const string MyocardialInfarction = "MyocardialInfarction";
    public const string HistoryOfMI = "HistoryOfMI";

    public static readonly IReadOnlyList<string> All = [Normal, AbnormalHeartbeat, MyocardialInfarction, HistoryOfMI];

    /// <summary>The class a folder name stands for, accepting the Mendeley dataset's original folder names
    /// (Normal, Abnormal, Mi, History); null if it names none.</summary>
    public static string? FromFolderName(string folder) => folder.Trim().ToLowerInvariant() switch
    {
        "normal" => Normal,
        "abnormalheartbeat" or "abnormal" or "abnormal heartbeat" => AbnormalHeartbeat,
        "myocardialinfarction" or "mi" or "myocardial infarction" => MyocardialInfarction,
        "historyofmi" or "history" or "history of mi" or "pmi" => HistoryOfMI,
        _ => null,
    };

    public static int IndexOf(string label)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == label) return i;
        return -1;
    }
}

/// <summary>What a classifier concluded: the label, the calibrated probability of every class (keys are
/// <see cref="DiagnosticClasses.All"/>), and whether the result should be treated with caution.</summary>
public sealed record Diagnosis(
    string Label,
    IReadOnlyDictionary<string, double> Probabilities,
    double Confidence,
    bool IsUncertain,
    IReadOnlyList<string> Flags);
