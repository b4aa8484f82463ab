using HeartGuard.Analysis;

namespace HeartGuard.Web;

/// <summary>RFC 9457 problem+json answers. Details are written for the user: what was wrong and what to
/// send instead; never an exception message from inside the pipeline or text read from the image.</summary>
internal static class Problems
{
    public static IResult NoFile(string detail) => Problem(StatusCodes.Status400BadRequest, "No image file", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Image too large", detail);

    public static IResult NotAnImage(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Not a supported image", detail);

    public static IResult Rejected(PageRejectedException e) => e.Kind switch
    {
        RejectionKind.Unreadable => Problem(StatusCodes.Status400BadRequest, "Unreadable image", e.Message),
        RejectionKind.UnsupportedFormat => NotAnImage(e.Message),
        RejectionKind.TooLarge => TooLarge(e.Message),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, "Not an ECG page", e.Message),
    };

    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
