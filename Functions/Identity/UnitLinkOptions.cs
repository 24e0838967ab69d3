namespace TetReadiness.Identity;

/// <summary>
/// Settings under <c>UnitLinks</c>: the HMAC keys that sign unit links (Key Vault references in Azure). New links are
/// signed with the primary key; links signed with either key are accepted, so a key is rotated by moving the
/// primary to secondary and setting a new primary.
/// </summary>
public sealed class UnitLinkOptions
{
    public const string SectionName = "UnitLinks";

    public string? PrimaryKey { get; set; }

    public string? SecondaryKey { get; set; }
}
