using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Hosting;
using TetReadiness.Storage;

namespace TetReadiness.Tests.Architecture;

public sealed class OwnedTableRegistrationTests
{
    [Fact]
    public void Every_table_a_feature_declares_is_registered_once_by_that_feature()
    {
        using var services = new ServiceCollection().AddTetReadiness(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var registered = services.GetServices<OwnedTable>().Select(t => (t.Name, t.Owner)).ToList();

        var declared = typeof(OwnedTable).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Tables", StringComparison.Ordinal) && t.Namespace is { } ns && ns.Count(c => c == '.') == 1)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => ((string)f.GetRawConstantValue()!, t.Namespace!["TetReadiness.".Length..])))
            .ToList();
        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(), registered.Order());
    }
}
