namespace HeartGuard.Analysis;

/// <summary>Why an input could not be analyzed. Each kind maps to one HTTP status and one CLI message.</summary>
public enum RejectionKind { Unreadable, UnsupportedFormat, TooLarge, NotAnEcg }

/// <summary>An input the analyzer refuses, with a reason that is safe to show a user (no stack trace, no
/// text read from the page).</summary>
public sealed class PageRejectedException(RejectionKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectionKind Kind { get; } = kind;
}
