using System.Reflection;
using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// Finds, by reflection over the app's assembly, every setting the app binds:
/// each options class (a class with <c>public const string SectionName</c>) gives <c>{SectionName}__{Property}</c>
/// for each public settable property; each trigger or binding attribute gives its <c>%Setting%</c> expressions
/// and its <c>Connection</c> (AzureWebJobsStorage when a storage binding names none).
/// </summary>
public static partial class AppBoundSettings
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<RequiredSetting> Discover(Assembly assembly)
    {
        var types = LoadableTypes(assembly);
        return OptionsSettings(types)
            .Concat(BindingSettings(types))
            .DistinctBy(setting => setting.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(setting => setting.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<RequiredSetting> OptionsSettings(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(type => type.IsClass))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field
                || field.GetRawConstantValue() is not string sectionName)
            {
                continue;
            }

            var prefix = sectionName.Replace(":", "__", StringComparison.Ordinal);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
                {
                    yield return new RequiredSetting($"{prefix}__{property.Name}", $"{type.Name}.{property.Name}", MatchesNestedKeys: !IsScalar(property.PropertyType));
                }
            }
        }
    }

    private static IEnumerable<RequiredSetting> BindingSettings(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(Declared))
            {
                var targets = method.GetParameters().Append(method.ReturnParameter);
                foreach (var attribute in targets.SelectMany(parameter => parameter.GetCustomAttributes(inherit: false)))
                {
                    foreach (var setting in SettingsOf(attribute, $"{type.Name}.{method.Name}"))
                    {
                        yield return setting;
                    }
                }
            }

            // Output bindings on the properties of a multi-output return type.
            foreach (var property in type.GetProperties(Declared))
            {
                foreach (var attribute in property.GetCustomAttributes(inherit: false))
                {
                    foreach (var setting in SettingsOf(attribute, $"{type.Name}.{property.Name}"))
                    {
                        yield return setting;
                    }
                }
            }
        }
    }

    private static IEnumerable<RequiredSetting> SettingsOf(object attribute, string member)
    {
        var attributeType = attribute.GetType();
        if (!IsBindingAttribute(attributeType))
        {
            yield break;
        }

        var boundBy = $"{member} [{attributeType.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal)}]";
        foreach (var property in attributeType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(attribute) as string;
            if (property.Name == "Connection")
            {
                yield return new RequiredSetting(string.IsNullOrEmpty(value) ? "AzureWebJobsStorage" : value, boundBy, MatchesNestedKeys: true);
                continue;
            }

            foreach (Match expression in SettingExpression().Matches(value ?? string.Empty))
            {
                yield return new RequiredSetting(expression.Groups["name"].Value, boundBy, MatchesNestedKeys: false);
            }
        }
    }

    // Trigger and binding attributes of the isolated worker derive from Extensions.Abstractions.BindingAttribute.
    private static bool IsBindingAttribute(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.Name == "BindingAttribute" && type.Namespace == "Microsoft.Azure.Functions.Worker.Extensions.Abstractions")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(Uri) || underlying == typeof(TimeSpan) || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid) || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly);
    }

    private static IReadOnlyList<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            var reasons = string.Join('\n', exception.LoaderExceptions.Select(loader => loader?.Message).Distinct());
            throw new InvalidOperationException($"Could not load every type of {assembly.GetName().Name}:\n{reasons}", exception);
        }
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingExpression();
}
