namespace TetReadiness.Tests.Infra;

/// <summary>
/// An app setting the app binds, and where in the code it is bound. A connection name (or an options property of a complex type) is satisfied by the
/// name itself or by any <c>{name}__...</c> setting (identity-based: <c>Storage__accountName</c>).
/// </summary>
public sealed record RequiredSetting(string Name, string BoundBy, bool MatchesNestedKeys)
{
    public bool IsSatisfiedBy(string settingName) =>
        string.Equals(settingName, Name, StringComparison.OrdinalIgnoreCase)
        || (MatchesNestedKeys && settingName.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Name} (bound by {BoundBy})";
}
