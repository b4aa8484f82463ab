namespace HeartGuard.Web;

/// <summary>Settings from the "HeartGuard" configuration section (appsettings, environment variables such as
/// HeartGuard__ApiKey, or command-line --HeartGuard:ApiKey=...).</summary>
public sealed class HeartGuardWebOptions
{
    public const string Section = "HeartGuard";

    /// <summary>When set, every /api/v1 route except health requires this value in the X-Api-Key header.</summary>
    public string? ApiKey { get; set; }

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Decompression-bomb guard, checked from the image header before any decode: 60 MP is a
    /// 600 dpi A3 scan.</summary>
    public long MaxPixels { get; set; } = 60_000_000;

    /// <summary>Analyses running at once; each uses one core for ~0.1 s, so more than the core count only adds latency.</summary>
    public int MaxConcurrentAnalyses { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests allowed to wait for a slot; beyond it the answer is 503 with Retry-After.</summary>
    public int QueueLength { get; set; } = 2 * Environment.ProcessorCount;

    public int RetryAfterSeconds { get; set; } = 2;
}
