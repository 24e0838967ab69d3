using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TetReadiness.Common;

/// <summary>
/// Ids are lowercase slugs. They become table keys, so they are checked before they reach a key or a filter.
/// </summary>
public static partial class Ids
{
    public const string Pattern = "^[a-z0-9-]{1,64}$";

    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && SlugRegex().IsMatch(id);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
