namespace HeartGuard.Core;

/// <summary>The twelve standard leads, named as WFDB names them.</summary>
public static class StandardLeads
{
    public static readonly IReadOnlyList<string> Names =
        ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>Index of a lead in <see cref="Names"/>, or -1. Case-insensitive, because real headers
    /// write "avr", "AVR" and "aVR" for the same lead.</summary>
    public static int IndexOf(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("MLII", StringComparison.OrdinalIgnoreCase)) return 1;
        for (var i = 0; i < Names.Count; i++)
            if (Names[i].Equals(trimmed, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The canonical spelling of a lead name, or the input unchanged if it is not standard.</summary>
    public static string Canonical(string name) => IndexOf(name) is var i and >= 0 ? Names[i] : name.Trim();
}
