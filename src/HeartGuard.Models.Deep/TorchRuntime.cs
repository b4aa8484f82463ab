using System.Runtime.InteropServices;
using TorchSharp;

namespace HeartGuard.Models.Deep;

/// <summary>One place that configures libtorch. OpenMP's spin-waiting must already be off
/// (OMP_WAIT_POLICY=PASSIVE in the environment before start: ./heartguard, ./test.sh, the test runsettings and
/// the Dockerfile set it); here the thread counts and oneDNN's instruction set are chosen.</summary>
public static class TorchRuntime
{
    /// <summary>oneDNN (libtorch's CPU convolutions) limited to AVX2 unless the environment already says otherwise.
    /// With its AVX-512 kernels, training runs that were bit-identical went wrong at random epochs (a
    /// non-finite gradient in the first convolution block, now and then a different network from the same seed)
    /// whenever .NET collected garbage on another thread during the step (1 to 4 of 10 stressed processes);
    /// limited to AVX2, none of 30 stressed trainings did. oneDNN reads this once, at its first convolution,
    /// from the native environment (.NET's Environment.SetEnvironmentVariable does not reach it on Linux).</summary>
    public const string OneDnnIsaVariable = "ONEDNN_MAX_CPU_ISA";

    private static readonly Lazy<int> Threads = new(() =>
    {
        if (OperatingSystem.IsLinux()) _ = SetEnv(OneDnnIsaVariable, "AVX2", overwrite: 0);
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

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
