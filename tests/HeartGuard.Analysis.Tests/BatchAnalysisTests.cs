using HeartGuard.Imaging;

namespace HeartGuard.Analysis.Tests;

public sealed class BatchAnalysisTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("heartguard-batch-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_batch_keeps_input_order_and_carries_on_past_bad_files()
    {
        var good = Path.Combine(_dir, "good.png");
        var text = Path.Combine(_dir, "text.png");
        File.WriteAllBytes(good, pipeline.Page);
        File.WriteAllText(text, "hello");
        var files = new[] { text, good, Path.Combine(_dir, "gone.png") };
        var completed = 0;

        var results = new BatchAnalysis(pipeline.WithoutModel, 2).Run(files, _ => Interlocked.Increment(ref completed));

        Assert.Equal(3, completed);
        Assert.Equal(files, results.Select(r => r.File));
        Assert.Equal(DigitizationError.UnsupportedFormat, results[0].ErrorKind);
        Assert.Null(results[1].Error);
        Assert.Equal("3x4+1", results[1].Layout);
        Assert.Contains("cannot read", results[2].Error);
    }

    [Fact]
    public void Csv_summary_has_one_row_per_image_and_quotes_commas()
    {
        var writer = new StringWriter();
        CsvSummary.Write([pipeline.Analysis.Summary with { File = "a,b.png" }, AnalysisSummary.Failed("c.png", "bad \"page\"")], writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"a,b.png\",,", lines[1]);
        Assert.Contains(",3x4+1,", lines[1]);
        Assert.EndsWith(",\"bad \"\"page\"\"\"", lines[2].TrimEnd('\r'));
    }

    [Fact]
    public void Inputs_expand_folders_recursively_to_images_only_and_report_missing_paths()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllBytes(Path.Combine(_dir, "sub", "p.JPG"), [1]);
        File.WriteAllBytes(Path.Combine(_dir, "notes.txt"), [1]);
        var (files, missing) = InputFiles.Expand([_dir, Path.Combine(_dir, "nope.png")]);
        Assert.Equal([Path.Combine(_dir, "sub", "p.JPG")], files);
        Assert.Equal([Path.Combine(_dir, "nope.png")], missing);
    }
}
