using System.Globalization;
using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>The report header (title, invented patient line, signature block) and the footer with the
/// recording settings in the EDAN form, e.g. "0.67~25Hz AC50 25mm/s 10mm/mV 4*2.5s+1r".</summary>
public static class PageText
{
    public static string SettingsLine(PageGeometry g, PageSpec spec)
    {
        var segment = g.ShownDurationS / g.Layout.Columns;
        var strips = g.Layout.TotalRows - g.Layout.Rows;
        var layout = $"{g.Layout.Columns}*{segment.ToString("0.##", CultureInfo.InvariantCulture)}s" + (strips > 0 ? $"+{strips}r" : "");
        return $"0.67~25Hz AC50 {spec.SpeedMmPerS:0}mm/s {spec.GainMmPerMv:0}mm/mV {layout}";
    }

    public static void Paint(SKCanvas canvas, PageGeometry g, PageSpec spec)
    {
        if (!spec.HeaderFooter) return;
        var random = new Random(unchecked(spec.Seed * 7919 + 17));
        var inv = CultureInfo.InvariantCulture;
        var id = random.Next(100000, 999999);
        var age = random.Next(18, 90);
        var sex = random.Next(2) == 0 ? "Male" : "Female";
        var when = new DateTime(2020, 1, 1).AddMinutes(random.Next(0, 3 * 365 * 24 * 60));

        var typeface = LeadAnnotations.Typeface(spec.Grid);
        using var title = new SKFont(typeface, g.Px(4.6));
        using var body = new SKFont(typeface, g.Px(2.9));
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var w = spec.PageWidthMm;
        canvas.DrawText("ECG REPORT", g.Px(w / 2), g.Px(7.1), SKTextAlign.Center, title, ink);
        canvas.DrawText($"ID : {id}", g.Px(4.5), g.Px(11.7), SKTextAlign.Left, body, ink);
        canvas.DrawText($"{age} Years", g.Px(38), g.Px(11.7), SKTextAlign.Left, body, ink);
        canvas.DrawText(sex, g.Px(57), g.Px(11.7), SKTextAlign.Left, body, ink);
        canvas.DrawText("cm        kg        /        mmHg     Race:Unknown     Room No.:        Department:", g.Px(78), g.Px(11.7), SKTextAlign.Left, body, ink);
        canvas.DrawText("Exam.Room:       Medication:", g.Px(4.5), g.Px(15.7), SKTextAlign.Left, body, ink);
        using var rule = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeWidth = (float)Math.Max(1, 0.25 * g.PxPerMm) };
        canvas.DrawLine(g.Px(4.5), g.Px(17.3), g.Px(w - 4.5), g.Px(17.3), rule);
        canvas.DrawLine(g.Px(4.5), g.Px(18.3), g.Px(w - 4.5), g.Px(18.3), rule);
        canvas.DrawText("Diagnosis Information:", g.Px(4.5), g.Px(21.6), SKTextAlign.Left, body, ink);
        var block = w * 0.703;
        canvas.DrawText("Technician :", g.Px(block), g.Px(25.4), SKTextAlign.Left, body, ink);
        canvas.DrawText("Ref-Phys. :", g.Px(block), g.Px(29.5), SKTextAlign.Left, body, ink);
        canvas.DrawText("Report Confirmed by:", g.Px(block), g.Px(33.6), SKTextAlign.Left, body, ink);

        var footerY = g.Px(spec.PageHeightMm - 2.9);
        var rate = spec.FooterHeartRateBpm is { } hr ? $"  \u2665{hr.ToString("0", inv)}" : "";
        canvas.DrawText($"{SettingsLine(g, spec)}{rate}  SE-3 V1.0", g.Px(4.5), footerY, SKTextAlign.Left, body, ink);
        canvas.DrawText(when.ToString("yyyy-MM-dd   hh:mm:ss tt", inv), g.Px(w - 8), footerY, SKTextAlign.Right, body, ink);
    }
}
