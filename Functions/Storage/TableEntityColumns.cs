using System.Reflection;
using Azure.Data.Tables;

namespace TetReadiness.Storage;

/// <summary>The columns a typed entity writes: its public properties other than the keys, timestamp and ETag, nulls left out.</summary>
public static class TableEntityColumns
{
    private static readonly HashSet<string> SystemProperties = [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    public static IReadOnlyList<(string Name, object Value)> Of(ITableEntity entity) =>
        entity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !SystemProperties.Contains(p.Name))
            .Select(p => (p.Name, Value: p.GetValue(entity)))
            .Where(c => c.Value is not null)
            .Select(c => (c.Name, c.Value!))
            .ToList();
}
