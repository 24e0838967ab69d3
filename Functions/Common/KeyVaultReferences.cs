namespace TetReadiness.Common;

/// <summary>
/// App Service replaces <c>@Microsoft.KeyVault(...)</c> settings with the secret; when it cannot (no access, wrong
/// name) the app sees the reference text itself. That text is public (it is in the template), so it must never be
/// used as a key.
/// </summary>
public static class KeyVaultReferences
{
    public const string Prefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
