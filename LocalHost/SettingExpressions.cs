using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace TetReadiness.LocalHost;

/// <summary>Resolves <c>%Setting%</c> in binding expressions as the Functions host does; a missing setting is an error.</summary>
public static partial class SettingExpressions
{
    public static string Resolve(string expression, IConfiguration configuration) =>
        SettingRegex().Replace(expression, match =>
        {
            var name = match.Groups[1].Value;
            return configuration[name] ?? configuration[name.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The binding expression '{expression}' needs the app setting '{name}', which is not set.");
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingRegex();
}
