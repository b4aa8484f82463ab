using TorchSharp;

namespace HeartGuard.Models.Deep;

/// <summary>One place that configures libtorch. OpenMP's spin-waiting must already be off
/// (OMP_WAIT_POLICY=PASSIVE in the environment before start: ./heartguard, ./test.sh, the test runsettings and
/// the Dockerfile set it); here only the thread counts are chosen.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<int> Threads = new(() =>
    {
        // Inter-op parallelism is off: the networks are small and sequential, and a second pool only competes
        // with the first. libtorch accepts this once per process.
        torch.set_num_interop_threads(1);
        return int.TryParse(Environment.GetEnvironmentVariable("HEARTGUARD_TORCH_THREADS"), out var t) && t > 0
            ? t : Environment.ProcessorCount;
    });

    [ThreadStatic] private static bool _threadConfigured;

    /// <summary>Intra-op threads: HEARTGUARD_TORCH_THREADS, else one per core. OpenMP keeps the thread count
    /// per calling thread, so every thread that trains or predicts calls this (a thread left at the default
    /// count reduces in a different order, and the same seed then no longer gives the same network).</summary>
    public static void Configure()
    {
        if (_threadConfigured) return;
        torch.set_num_threads(Threads.Value);
        _threadConfigured = true;
    }
}
