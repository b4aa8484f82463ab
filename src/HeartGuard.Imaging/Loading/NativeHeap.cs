using System.Runtime.InteropServices;

namespace HeartGuard.Imaging.Loading;

/// <summary>Keeps decode-sized native buffers in glibc's heap instead of fresh mappings.
/// libjpeg's progressive decoder allocates and zeroes a ~10 MB coefficient buffer per page. With glibc's
/// default (dynamic) thresholds that buffer is often served by mmap and returned with munmap, so every page
/// touches ~2,500 new memory pages; in a virtual machine each fault is expensive, and inside `analyze` the
/// decode stage measured 66-117 ms instead of 16-21 ms (229k vs 45k page faults for 80 pages). Fixed
/// thresholds make glibc reuse the freed buffer. Elsewhere (Windows, macOS, musl) this is a no-op.</summary>
internal static partial class NativeHeap
{
    private const int MmapThresholdParam = -3; // M_MMAP_THRESHOLD
    private const int TrimThresholdParam = -1; // M_TRIM_THRESHOLD
    private const int MmapThresholdBytes = 32 * 1024 * 1024; // glibc's ceiling on 64-bit
    private const int TrimThresholdBytes = 256 * 1024 * 1024;

    private static int _tuned;

    public static void KeepDecodeBuffers()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _tuned, 1) == 1) return;
        try
        {
            MallOpt(MmapThresholdParam, MmapThresholdBytes);
            MallOpt(TrimThresholdParam, TrimThresholdBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: its allocator has its own policy and nothing here needs it.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
