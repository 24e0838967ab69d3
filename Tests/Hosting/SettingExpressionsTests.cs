using Microsoft.Extensions.Configuration;
using TetReadiness.LocalHost;

namespace TetReadiness.Tests.Hosting;

public sealed class SettingExpressionsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void A_setting_expression_is_replaced_by_the_setting()
    {
        Assert.Equal("0 */5 * * * *", SettingExpressions.Resolve("%ProjectionRepairSchedule%", Settings(("ProjectionRepairSchedule", "0 */5 * * * *"))));
    }

    [Fact]
    public void Functions_style_double_underscore_names_find_nested_settings()
    {
        Assert.Equal("q-test", SettingExpressions.Resolve("%Queues__Name%", Settings(("Queues:Name", "q-test"))));
    }

    [Fact]
    public void Text_around_expressions_is_kept()
    {
        Assert.Equal("prefix-a-b", SettingExpressions.Resolve("prefix-%A%-%B%", Settings(("A", "a"), ("B", "b"))));
        Assert.Equal("plain", SettingExpressions.Resolve("plain", Settings()));
    }

    [Fact]
    public void A_missing_setting_fails_naming_it()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SettingExpressions.Resolve("%DailyDigestSchedule%", Settings()));

        Assert.Contains("'DailyDigestSchedule'", failure.Message, StringComparison.Ordinal);
    }
}
