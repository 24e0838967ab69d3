using TetReadiness.Common;

namespace TetReadiness.Tests.Common;

public sealed class IdsTests
{
    [Theory]
    [InlineData("tet-2024")]
    [InlineData("ba-dinh-ubnd")]
    [InlineData("a")]
    [InlineData("0123456789")]
    public void Lowercase_slugs_are_ids(string id)
    {
        Assert.True(Ids.IsValid(id));
    }

    [Fact]
    public void An_id_may_be_64_characters_but_not_65()
    {
        Assert.True(Ids.IsValid(new string('a', 64)));
        Assert.False(Ids.IsValid(new string('a', 65)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("A B")]
    [InlineData("Tet-2024")]
    [InlineData("x' or '1'='1")]
    [InlineData("ba_dinh")]
    [InlineData("ba/dinh")]
    [InlineData("ba|dinh")]
    [InlineData("ba#dinh")]
    [InlineData("ba-đình")]
    [InlineData(" tet")]
    [InlineData("tet\n")]
    [InlineData("tet\r\n")]
    public void Anything_that_could_break_a_key_or_a_filter_is_not_an_id(string? id)
    {
        Assert.False(Ids.IsValid(id));
    }
}
