namespace HeartGuard.Models.Data;

/// <summary>One distinct labelled page of a dataset. <see cref="Group"/> is what must stay inside one fold
/// (a printed patient/visit ID, or the image itself when no groups are given); <see cref="DuplicatePaths"/>
/// are the other files that were collapsed into this one.</summary>
public sealed record LabelledImage(
    string Path,
    string RelativePath,
    string Label,
    string Sha256,
    ulong[] PerceptualHash,
    string Group,
    IReadOnlyList<string> DuplicatePaths)
{
    public int LabelIndex => HeartGuard.Core.DiagnosticClasses.IndexOf(Label);
}
