using System.CommandLine;
using HeartGuard.Core;
using HeartGuard.Core.Wfdb;
using HeartGuard.Synthesis;
using SkiaSharp;

namespace HeartGuard.Cli.Commands;

/// <summary>`heartguard synth`: synthetic ECG pages with exact ground truth, from the generator or a WFDB record.</summary>
internal static class SynthCommand
{
    private static readonly Option<string?> Pattern = new("--pattern") { Description = $"Generated rhythm: {string.Join(", ", Enum.GetNames<EcgPattern>())} (default Normal)." };
    private static readonly Option<double> HeartRate = new("--heart-rate") { Description = "Generated mean heart rate, 40-180 bpm.", DefaultValueFactory = _ => 72 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the signal, header text and degradations.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> Duration = new("--duration") { Description = "Generated record length in seconds.", DefaultValueFactory = _ => 10 };
    private static readonly Option<string?> Record = new("--record") { Description = "Plot this WFDB record (.hea path) instead of generating one." };
    private static readonly Option<string> Layout = new("--layout") { Description = $"Page layout: {string.Join(", ", EcgLayout.Known)}.", DefaultValueFactory = _ => "3x4+1" };
    private static readonly Option<double> Dpi = new("--dpi") { Description = "Resolution, 100-600 dpi.", DefaultValueFactory = _ => 200 };
    private static readonly Option<double> Speed = new("--speed") { Description = "Paper speed, 25 or 50 mm/s.", DefaultValueFactory = _ => 25 };
    private static readonly Option<double> Gain = new("--gain") { Description = "Gain, 5, 10 or 20 mm/mV.", DefaultValueFactory = _ => 10 };
    private static readonly Option<string> Grid = new("--grid") { Description = $"Grid: {string.Join(", ", Enum.GetNames<GridStyle>())}.", DefaultValueFactory = _ => "Dotted" };
    private static readonly Option<string> Format = new("--format") { Description = "Image format: png or jpeg.", DefaultValueFactory = _ => "png" };
    private static readonly Option<double> TraceWidth = new("--trace-width") { Description = "Trace width in mm.", DefaultValueFactory = _ => 0.45 };
    private static readonly Option<double?> PulseWidth = new("--pulse-width") { Description = "Calibration pulse width in mm (default: 200 ms at the paper speed; EDAN prints ~2.1 mm)." };
    private static readonly Option<string> TraceColor = new("--trace-color") { Description = "Trace colour as #RRGGBB.", DefaultValueFactory = _ => "#000000" };
    private static readonly Option<bool> NoHeader = new("--no-header") { Description = "Leave out the header and footer text." };
    private static readonly Option<bool> NoSeparators = new("--no-separators") { Description = "Leave out the bars between lead columns." };
    private static readonly Option<bool> NoPulses = new("--no-pulses") { Description = "Leave out the calibration pulses." };
    private static readonly Option<bool> NoLabels = new("--no-labels") { Description = "Leave out the lead labels." };
    private static readonly Option<double> Rotate = new("--rotate") { Description = "Rotate the page by this many degrees (counter-clockwise)." };
    private static readonly Option<double> Perspective = new("--perspective") { Description = "Random perspective warp, largest corner shift as a fraction of the width (e.g. 0.04)." };
    private static readonly Option<double> Blur = new("--blur") { Description = "Gaussian blur sigma in px." };
    private static readonly Option<double> Noise = new("--noise") { Description = "Gaussian noise sigma in grey levels." };
    private static readonly Option<int?> JpegQuality = new("--jpeg-quality") { Description = "JPEG quality 1-100 (also applies JPEG artefacts to a PNG)." };
    private static readonly Option<double> Shadow = new("--shadow") { Description = "Uneven lighting strength 0-1." };
    private static readonly Option<double> Scale = new("--scale") { Description = "Rescale the image by this factor.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> Crop = new("--crop") { Description = "Cut up to this fraction of each side (seeded)." };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Directory for image + ground truth (.json) + WFDB record (.hea/.dat)." };
    private static readonly Option<int> Count = new("--count") { Description = "Number of pages; page i uses seed + i.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Gallery = new("--gallery") { Description = "Render one page per layout x grid style into this directory." };

    public static Command Create()
    {
        var command = new Command("synth", "Render synthetic ECG pages with exact ground truth (image + .json + WFDB record).");
        foreach (var option in new Option[] { Pattern, HeartRate, Seed, Duration, Record, Layout, Dpi, Speed, Gain, Grid, Format, TraceWidth, PulseWidth, TraceColor,
                     NoHeader, NoSeparators, NoPulses, NoLabels, Rotate, Perspective, Blur, Noise, JpegQuality, Shadow, Scale, Crop, Output, Count, Gallery })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
            {
                var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
                Console.Error.WriteLine($"synth: {message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var output = parse.GetValue(Output);
        var gallery = parse.GetValue(Gallery);
        var recordPath = parse.GetValue(Record);
        var count = parse.GetValue(Count);
        if (output is null && gallery is null) throw new ArgumentException("Give an output directory (-o DIR) or --gallery DIR.");
        if (recordPath is not null && parse.GetValue(Pattern) is not null) throw new ArgumentException("Use either --record or --pattern, not both.");
        if (count is < 1 or > 10000) throw new ArgumentException("--count must be 1-10000.");

        var baseSpec = PageSpecFrom(parse);
        var seed = parse.GetValue(Seed);
        if (gallery is not null)
        {
            var record = RecordFor(parse, seed);
            foreach (var layout in EcgLayout.Known)
                foreach (var grid in Enum.GetValues<GridStyle>())
                    Write(PageRenderer.Render(record, baseSpec with { Layout = layout, Grid = grid }), gallery,
                        $"gallery-{layout.Replace('+', 'p')}-{grid.ToString().ToLowerInvariant()}");
        }
        if (output is not null)
            for (var i = 0; i < count; i++)
            {
                var record = RecordFor(parse, seed + i);
                var stem = recordPath is null ? record.Name : Path.GetFileNameWithoutExtension(recordPath) + (count > 1 ? $"-{i}" : "");
                Write(PageRenderer.Render(record, baseSpec with { Seed = seed + i }), output, stem);
            }
        return 0;
    }

    private static void Write(SynthPage page, string directory, string stem) => Console.WriteLine(page.Save(directory, stem));

    private static EcgRecord RecordFor(ParseResult parse, int seed)
    {
        if (parse.GetValue(Record) is { } path) return WfdbReader.Read(path).ToEcgRecord();
        var spec = new SignalSpec(ParsePattern(parse.GetValue(Pattern) ?? "Normal"), parse.GetValue(HeartRate), seed, parse.GetValue(Duration));
        return SignalGenerator.Generate(spec);
    }

    private static PageSpec PageSpecFrom(ParseResult parse) => new()
    {
        Layout = parse.GetValue(Layout)!,
        Dpi = parse.GetValue(Dpi),
        SpeedMmPerS = parse.GetValue(Speed),
        GainMmPerMv = parse.GetValue(Gain),
        Grid = ParseEnum<GridStyle>(parse.GetValue(Grid)!, "--grid"),
        Format = parse.GetValue(Format)!.ToLowerInvariant() switch
        {
            "png" => PageImageFormat.Png,
            "jpeg" or "jpg" => PageImageFormat.Jpeg,
            var other => throw new ArgumentException($"--format must be png or jpeg, not '{other}'."),
        },
        TraceWidthMm = parse.GetValue(TraceWidth),
        CalibrationPulseWidthMm = parse.GetValue(PulseWidth),
        TraceColor = SKColor.TryParse(parse.GetValue(TraceColor), out var color) ? color : throw new ArgumentException($"--trace-color '{parse.GetValue(TraceColor)}' is not a #RRGGBB colour."),
        HeaderFooter = !parse.GetValue(NoHeader),
        Separators = !parse.GetValue(NoSeparators),
        CalibrationPulses = !parse.GetValue(NoPulses),
        LeadLabels = !parse.GetValue(NoLabels),
        FooterHeartRateBpm = parse.GetValue(Record) is null ? parse.GetValue(HeartRate) : null,
        Seed = parse.GetValue(Seed),
        Degradations = new Degradations
        {
            RotationDeg = parse.GetValue(Rotate),
            Perspective = parse.GetValue(Perspective),
            BlurSigmaPx = parse.GetValue(Blur),
            NoiseSigma = parse.GetValue(Noise),
            JpegQuality = parse.GetValue(JpegQuality),
            Shadow = parse.GetValue(Shadow),
            Scale = parse.GetValue(Scale),
            Crop = parse.GetValue(Crop),
        },
    };

    private static EcgPattern ParsePattern(string text) => ParseEnum<EcgPattern>(text.Replace("-", "").Replace("_", ""), "--pattern");

    private static T ParseEnum<T>(string text, string option) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new ArgumentException($"{option} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
}
