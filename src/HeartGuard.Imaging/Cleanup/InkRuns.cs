using OpenCvSharp;

namespace HeartGuard.Imaging.Cleanup;

/// <summary>The runs of ink (first and last index, inclusive) in one stretch of a mask column, top to bottom.
/// Ink is a few percent of a column, so it jumps from run to run with vectorised searches.</summary>
public ref struct InkRuns
{
    private readonly ReadOnlySpan<byte> _column;
    private int _next;

    public InkRuns(ReadOnlySpan<byte> column) => _column = column;

    public (int Start, int End) Current { get; private set; }

    public bool MoveNext()
    {
        var start = _next < _column.Length ? _column[_next..].IndexOfAnyExcept((byte)0) : -1;
        if (start < 0)
        {
            _next = _column.Length;
            return false;
        }
        start += _next;
        var length = _column[start..].IndexOf((byte)0);
        var end = length < 0 ? _column.Length - 1 : start + length - 1;
        _next = end + 1;
        Current = (start, end);
        return true;
    }

    public readonly InkRuns GetEnumerator() => this;

    /// <summary>Clears, in every row of <paramref name="mask"/>, the runs of ink at least <paramref name="minLength"/>
    /// long (rules, borders, separator lines), walked run by run: ink is a few percent of a mask.</summary>
    public static void EraseLong(Mat mask, int minLength)
    {
        for (var y = 0; y < mask.Height; y++)
        {
            var row = mask.RowSpan<byte>(y);
            foreach (var (start, end) in new InkRuns(row))
                if (end - start + 1 >= minLength) row[start..(end + 1)].Clear();
        }
    }
}
