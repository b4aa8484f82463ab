using HeartGuard.Imaging;

namespace HeartGuard.Web;

/// <summary>RFC 9457 problem+json answers. Details are written for the user: what was wrong and what to
/// send instead; never an exception message from inside the pipeline or text read from the image.</summary>
internal static class Problems
{
    public static IResult NoFile(string detail) => Problem(StatusCodes.Status400BadRequest, "No image file", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Image too large", detail);

    public static IResult NotAnImage(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Not a supported image", detail);

    public static IResult Rejected(DigitizationException e) => e.Kind switch
    {
        DigitizationError.Unreadable => Problem(StatusCodes.Status400BadRequest, "Unreadable image", Sentence(e.Reason)),
        DigitizationError.UnsupportedFormat => NotAnImage(Sentence(e.Reason)),
        DigitizationError.TooLarge => TooLarge(Sentence(e.Reason)),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, "Not an ECG page", Sentence(e.Reason)),
    };

    private static string Sentence(string reason) =>
        reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? "" : ".");

    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
