using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Networks;

/// <summary><c>image-cnn</c>: a small 2-D CNN on the cleaned trace image [B, 1, H, W]. Five conv-BN-ReLU
/// blocks (3x3), four of them followed by 2x2 max-pooling: at ~1.1 px/mm in, a final step covers ~15 mm and
/// sees ~60 mm, about 2.4 s of trace at 25 mm/s (a beat with its neighbours) and one lead's row height.
/// The features are averaged over a 4 x 4 grid of page cells, one per lead box of the 3x4+1 layout, so the
/// classifier knows which leads a finding is in (Q waves or ST elevation in II, III, aVF mean an inferior
/// infarct; the same shape in aVR does not), plus a global max that keeps a focal finding from being
/// averaged away; then dropout and one linear layer.</summary>
public sealed class ImageCnn : nn.Module<Tensor, Tensor>
{
    // A 3x4+1 page is 4 rows (3 lead rows and the rhythm strip) by 4 columns of leads.
    private const int LayoutRows = 4, LayoutColumns = 4, LayoutCells = LayoutRows * LayoutColumns;
    private readonly nn.Module<Tensor, Tensor> _features;
    private readonly nn.Module<Tensor, Tensor> _dropout;
    private readonly nn.Module<Tensor, Tensor> _classifier;

    public ImageCnn(int width, int classes, double dropout = 0.3) : base(nameof(ImageCnn))
    {
        _features = nn.Sequential(
            Block(1, width / 2), nn.MaxPool2d(2),
            Block(width / 2, width), nn.MaxPool2d(2),
            Block(width, 2 * width), nn.MaxPool2d(2),
            Block(2 * width, 2 * width), nn.MaxPool2d(2),
            Block(2 * width, 4 * width));
        _dropout = nn.Dropout(dropout);
        _classifier = nn.Linear((LayoutCells + 1) * 4L * width, classes);
        RegisterComponents();
    }

    private static nn.Module<Tensor, Tensor> Block(long input, long output) => nn.Sequential(
        nn.Conv2d(input, output, 3, padding: 1, bias: false), new ScalarSafeBatchNorm(output), nn.ReLU());

    public override Tensor forward(Tensor images)
    {
        var features = _features.forward(images);
        var layout = nn.functional.adaptive_avg_pool2d(features, [LayoutRows, LayoutColumns]).flatten(1);
        var pooled = cat([layout, features.amax([2, 3])], 1);
        return _classifier.forward(_dropout.forward(pooled));
    }
}
