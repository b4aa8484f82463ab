using HeartGuard.Imaging.Loading;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HeartGuard.Web;

/// <summary>Reads the multipart field "file" into memory, never onto disk, and refuses what cannot be an
/// analysable image before anything decodes it: no file (400), over the size limit (413, stops reading at
/// the limit), not a supported image by its content (415), too many pixels by its header (413).</summary>
internal sealed record ImageUpload(byte[] Bytes, string FileName, ImageHeader Header)
{
    public const string FieldName = "file";

    public static async Task<(ImageUpload? Upload, IResult? Problem)> ReadAsync(
        HttpRequest request, HeartGuardWebOptions options, CancellationToken cancellationToken)
    {
        var limitMb = options.MaxUploadBytes / (1024.0 * 1024.0);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
            return (null, Problems.NoFile($"Send the image as multipart/form-data in the field '{FieldName}'."));
        // Multipart framing adds a few hundred bytes; a declared length far past the limit is refused unread.
        if (request.ContentLength > options.MaxUploadBytes + 64 * 1024)
            return (null, Problems.TooLarge($"The upload is larger than the {limitMb:0.#} MB limit."));

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.IsFileDisposition() || disposition.Name.Value != FieldName) continue;
                var bytes = await ReadLimitedAsync(section.Body, options.MaxUploadBytes, cancellationToken);
                if (bytes is null) return (null, Problems.TooLarge($"The image is larger than the {limitMb:0.#} MB limit."));
                if (bytes.Length == 0) return (null, Problems.NoFile($"The file in field '{FieldName}' is empty."));
                var name = Path.GetFileName(disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "upload");
                return Validate(bytes, string.IsNullOrWhiteSpace(name) ? "upload" : name, options);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, Problems.NoFile("The multipart body is malformed or was cut short."));
        }
        return (null, Problems.NoFile($"No file in the multipart field '{FieldName}'."));
    }

    private static (ImageUpload?, IResult?) Validate(byte[] bytes, string name, HeartGuardWebOptions options)
    {
        if (ImageHeader.TryRead(bytes) is not { } header)
        {
            var what = KnownNonImage(bytes) ?? "not a PNG, JPEG, TIFF, BMP or WebP image";
            return (null, Problems.NotAnImage($"The file is {what}. Send a PNG, JPEG, TIFF, BMP or WebP image of the ECG page."));
        }
        if ((long)header.WidthPx * header.HeightPx > options.MaxPixels)
            return (null, Problems.TooLarge(
                $"The image is {header.WidthPx} x {header.HeightPx} px; the limit is {options.MaxPixels / 1e6:0.#} megapixels."));
        return (new ImageUpload(bytes, name, header), null);
    }

    /// <summary>A short name for a recognisable non-image upload, to make the 415 message useful.</summary>
    private static string? KnownNonImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("%PDF"u8) ? "a PDF document" :
        bytes.StartsWith("GIF8"u8) ? "a GIF image" :
        bytes.StartsWith("PK\x03\x04"u8) ? "a ZIP archive or Office document" :
        bytes.Length > 132 && bytes[128..132].SequenceEqual("DICM"u8) ? "a DICOM file" :
        null;

    /// <summary>The whole stream, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > limit) return null;
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }
}
