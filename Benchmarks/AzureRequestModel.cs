using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace TetReadiness.Benchmarks;

/// <summary>
/// Counts table requests as Azure would. Azurite answers a query that spans partitions with pages of up to 1,000 rows
/// across partitions; Azure answers with a continuation at every partition boundary (and at 1,000 rows), so such a
/// query costs at least one request per partition it crosses, whether the partition holds matching rows or not. A
/// query whose <c>$filter</c> has a top-level <c>PartitionKey eq</c> stays in one partition and costs what Azurite
/// counts. The partitions of a table come from Azurite itself (read directly, outside the counting proxy), once,
/// after the page loads: the loads only read.
/// </summary>
public sealed partial class AzureRequestModel(TableServiceClient direct)
{
    private readonly Dictionary<string, string[]> partitions = new(StringComparer.Ordinal);

    /// <summary>Whether a query may cross partitions: no top-level <c>PartitionKey eq</c> in its filter.</summary>
    public static bool SpansPartitions(string filter)
    {
        var withoutLiterals = Literal().Replace(filter, "''");
        return Or().IsMatch(withoutLiterals) || !PartitionEquality().IsMatch(withoutLiterals);
    }

    /// <summary>Requests Azure would answer for this one Azurite request: 1, or the partitions it crossed.</summary>
    public async Task<int> RequestsAsync(TableQueryRecord query)
    {
        if (!SpansPartitions(query.Filter))
        {
            return 1;
        }

        var keys = await PartitionsAsync(query.Table);
        var (low, lowInclusive, high, highInclusive) = Range(query);
        var crossed = keys.Count(key =>
            (low is null || (lowInclusive ? string.CompareOrdinal(key, low) >= 0 : string.CompareOrdinal(key, low) > 0))
            && (high is null || (highInclusive ? string.CompareOrdinal(key, high) <= 0 : string.CompareOrdinal(key, high) < 0)));
        return Math.Max(1, crossed);
    }

    /// <summary>The partition keys of <paramref name="table"/>, sorted as Azurite and Azure order them.</summary>
    public async Task<string[]> PartitionsAsync(string table)
    {
        if (!partitions.TryGetValue(table, out var keys))
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var row in direct.GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1000))
            {
                set.Add(row.PartitionKey);
            }

            partitions[table] = keys = [.. set];
        }

        return keys;
    }

    /// <summary>
    /// The partition keys one Azurite request covered: from where it continued (or the filter's lower bound) to the
    /// partition its answer continues at (inclusive: Azure would split that partition too), or the filter's upper bound.
    /// </summary>
    private static (string? Low, bool LowInclusive, string? High, bool HighInclusive) Range(TableQueryRecord query)
    {
        string? low = null, high = null;
        bool lowInclusive = true, highInclusive = true;
        foreach (Match bound in PartitionBound().Matches(query.Filter))
        {
            var value = bound.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal);
            switch (bound.Groups[1].Value)
            {
                case "ge" or "gt":
                    (low, lowInclusive) = (value, bound.Groups[1].Value == "ge");
                    break;
                case "le" or "lt":
                    (high, highInclusive) = (value, bound.Groups[1].Value == "le");
                    break;
            }
        }

        if (query.ContinuedFrom is { } from)
        {
            (low, lowInclusive) = (Decode(from), true);
        }

        if (query.ContinuesAt is { } at)
        {
            (high, highInclusive) = (Decode(at), true);
        }

        return (low, lowInclusive, high, highInclusive);
    }

    /// <summary>Azurite's continuation keys are the key's UTF-8 bytes in base64.</summary>
    private static string Decode(string token)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return token;
        }
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\bor\b", RegexOptions.IgnoreCase)]
    private static partial Regex Or();

    [GeneratedRegex(@"\bPartitionKey\s+eq\s+''")]
    private static partial Regex PartitionEquality();

    [GeneratedRegex(@"\bPartitionKey\s+(ge|gt|le|lt)\s+'((?:[^']|'')*)'")]
    private static partial Regex PartitionBound();
}
