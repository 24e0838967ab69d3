using System.Reflection;

namespace TetReadiness.Tests.Infra;

/// <summary>The table and queue names the app declares as constants (classes named TableNames and QueueNames).</summary>
public static class AppStorageNames
{
    public static Assembly FunctionsAssembly => Assembly.Load("TetReadiness.Functions");

    public static IReadOnlyList<string> Tables(Assembly assembly) => Constants(assembly, "TableNames");

    public static IReadOnlyList<string> Queues(Assembly assembly) =>
        Constants(assembly, "QueueNames").Where(name => !name.EndsWith("-poison", StringComparison.Ordinal)).ToList();

    private static List<string> Constants(Assembly assembly, string typeName) =>
        assembly.GetTypes()
            .Where(type => type.Name == typeName)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
