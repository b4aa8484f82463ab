using TorchSharp;

namespace HeartGuard.Models.Deep.Tests;

public class TorchLoadsTests
{
    /// <summary>Fails with "...doesn't contain a reference to libtorch-cpu-linux-x64" when the build did not
    /// weaken libLibTorchSharp.so's GLIBCXX_3.4.32 requirement on a system libstdc++ without it.</summary>
    [Fact]
    public void LibTorchLoadsAndComputes()
    {
        TorchRuntime.Configure();
        using var a = torch.ones(2, 3);
        Assert.Equal(6f, a.sum().item<float>());
    }
}
