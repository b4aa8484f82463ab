namespace HeartGuard.Models.Data;

/// <summary>Disjoint sets over 0..n-1, to merge duplicate clusters and the groups they touch.</summary>
internal sealed class UnionFind(int count)
{
    private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

    public int Find(int i)
    {
        while (_parent[i] != i) { _parent[i] = _parent[_parent[i]]; i = _parent[i]; }
        return i;
    }

    public void Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a != b) _parent[Math.Max(a, b)] = Math.Min(a, b);
    }
}
