namespace TetReadiness.Identity;

/// <summary>The areas a coordinator may see: all of them (city coordinator) or a set of district ids.</summary>
public sealed record AccessScope(bool WholeCity, IReadOnlySet<string> Districts)
{
    public static AccessScope City { get; } = new(true, new HashSet<string>());

    public bool Covers(string districtId) => WholeCity || Districts.Contains(districtId);
}
