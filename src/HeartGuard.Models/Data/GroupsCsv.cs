namespace HeartGuard.Models.Data;

/// <summary>Reads a groups CSV: a header with a file column (<c>file</c>, <c>path</c> or <c>image</c>) and a
/// group column (<c>group</c>, <c>printed_id</c>, <c>patient_id</c>, or else the last column). Files are matched
/// by path relative to the data folder, falling back to the bare file name.</summary>
public sealed class GroupsCsv
{
    private readonly Dictionary<string, string> _byRelative = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public static GroupsCsv Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new InvalidDataException($"Groups file {path} is empty.");
        var header = SplitCsv(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var fileCol = header.FindIndex(h => h is "file" or "path" or "image");
        var groupCol = header.FindIndex(h => h is "group" or "printed_id" or "patient_id");
        if (fileCol < 0) throw new InvalidDataException($"Groups file {path} has no 'file' column.");
        if (groupCol < 0) groupCol = header.Count - 1;
        var csv = new GroupsCsv();
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsv(line);
            if (cells.Count <= Math.Max(fileCol, groupCol)) continue;
            var file = cells[fileCol].Trim().Replace('\\', '/');
            var group = cells[groupCol].Trim();
            if (group.Length == 0) continue;
            csv._byRelative[file] = group;
            csv._byName[System.IO.Path.GetFileName(file)] = group;
        }
        return csv;
    }

    public string? Find(string relativePath)
    {
        var rel = relativePath.Replace('\\', '/');
        if (_byRelative.TryGetValue(rel, out var g)) return g;
        return _byName.TryGetValue(System.IO.Path.GetFileName(rel), out g) ? g : null;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
