using System.Reflection;
using TetReadiness.Messages;

namespace TetReadiness.Tests.Messages;

/// <summary>
/// Every member of <see cref="IMessageCatalog"/>, called with sample arguments: once per value of an enum parameter,
/// and once more with every nullable parameter null. Found by reflection, so a member added later is covered too.
/// Samples are ASCII, so any Vietnamese letter in an English rendering comes from the catalog itself.
/// </summary>
public static class CatalogCases
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyDictionary<string, Func<IMessageCatalog, string>> All { get; } = Build();

    public static TheoryData<string> Names => new(All.Keys);

    private static Dictionary<string, Func<IMessageCatalog, string>> Build()
    {
        var cases = new Dictionary<string, Func<IMessageCatalog, string>>();
        foreach (var method in typeof(IMessageCatalog).GetMethods())
        {
            var parameters = method.GetParameters();
            var enumParameter = parameters.FirstOrDefault(p => p.ParameterType.IsEnum);
            var enumValues = enumParameter is null ? [null] : Enum.GetValues(enumParameter.ParameterType).Cast<object?>().ToArray();
            foreach (var enumValue in enumValues)
            {
                var label = enumValue is null ? method.Name : $"{method.Name}({enumValue})";
                var arguments = parameters.Select(p => p == enumParameter ? enumValue : Sample(p)).ToArray();
                cases.Add(label, catalog => Invoke(method, catalog, arguments));
                if (parameters.Any(IsNullable))
                {
                    var withNulls = parameters.Select((p, i) => IsNullable(p) ? null : arguments[i]).ToArray();
                    cases.Add(label + " with nulls", catalog => Invoke(method, catalog, withNulls));
                }
            }
        }

        return cases;
    }

    private static string Invoke(MethodInfo method, IMessageCatalog catalog, object?[] arguments) =>
        (string)method.Invoke(catalog, arguments)!;

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && Nullability.Create(parameter).ReadState == NullabilityState.Nullable);

    private static object Sample(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => "sample-" + parameter.Name!.ToLowerInvariant(),
            _ when type == typeof(int) => 3,
            _ when type == typeof(long) => 7L,
            _ when type == typeof(char) => '=',
            _ when type == typeof(IReadOnlyList<string>) => new[] { "first", "second" },
            _ => throw new NotSupportedException($"No sample for {type.Name} ({parameter.Member.Name}.{parameter.Name}): add one here."),
        };
    }
}
