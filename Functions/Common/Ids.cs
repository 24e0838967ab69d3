using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TetReadiness.Common;

/// <summary>
/// Ids are lowercase slugs. They become table keys, so they are checked before they reach a key or a filter.
/// </summary>
public static partial class Ids
{
    // \z, not $: in .NET '$' also matches before a final '\n', which would let "tet-2024\n" through to a key.
    public const string Pattern = @"^[a-z0-9-]{1,64}\z";

    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && SlugRegex().IsMatch(id);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
