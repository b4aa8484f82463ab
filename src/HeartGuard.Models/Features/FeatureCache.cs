namespace HeartGuard.Models.Features;

/// <summary>Page features on disk keyed by image SHA-256 and view spec, so repeated training runs (route
/// comparisons, seeds) skip the ResNet pass. Purely an accelerator: a missing or stale file is rebuilt.</summary>
public sealed class FeatureCache
{
    private readonly string? _path;
    private readonly Dictionary<string, float[]> _entries = new();

    public FeatureCache(string? path, ImageFeatureSpec spec)
    {
        _path = path;
        SpecKey = $"{spec.TileRows}x{spec.TileColumns}|{spec.WholePage}|{spec.Grayscale}|{spec.Crop}";
        if (path is null || !File.Exists(path)) return;
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadString() != SpecKey) return;
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            var values = new float[r.ReadInt32()];
            for (var j = 0; j < values.Length; j++) values[j] = r.ReadSingle();
            _entries[key] = values;
        }
    }

    public string SpecKey { get; }

    public float[] GetOrAdd(string sha256, Func<float[]> compute)
    {
        if (_entries.TryGetValue(sha256, out var v)) return v;
        return _entries[sha256] = compute();
    }

    public void Save()
    {
        if (_path is null) return;
        using var w = new BinaryWriter(File.Create(_path));
        w.Write(SpecKey);
        w.Write(_entries.Count);
        foreach (var (key, values) in _entries)
        {
            w.Write(key);
            w.Write(values.Length);
            foreach (var v in values) w.Write(v);
        }
    }
}
