using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TetReadiness.Common;

namespace TetReadiness.Health;

/// <summary>
/// Names the settings that still hold their <c>@Microsoft.KeyVault(...)</c> text, i.e. App Service could not
/// resolve the secret (missing, or the app identity lost access). Secondary keys are left out: outside a rotation
/// their secret does not exist on purpose. Names only, never values; the names are those of the public template.
/// Logged as a warning on each health probe, which the "Key Vault reference unresolved" alert watches.
/// </summary>
public sealed class SecretSettingsCheck(IConfiguration configuration, ILogger<SecretSettingsCheck> logger)
{
    private static readonly string[] AbsentOnPurpose = ["UnitLinks:SecondaryKey", "Feed:SecondaryKey"];

    public IReadOnlyList<string> Unresolved()
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => KeyVaultReferences.IsUnresolved(setting.Value))
            .Select(setting => setting.Key)
            .Where(key => !AbsentOnPurpose.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Select(key => key.Replace(":", "__", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unresolved.Count > 0)
        {
            logger.LogWarning("Key Vault references unresolved: {Settings}", string.Join(", ", unresolved));
        }

        return unresolved;
    }
}
