using TetReadiness.Messages;
using TetReadiness.Roster;

namespace TetReadiness.Tests.Roster;

public sealed class RosterChangesTests
{
    private static readonly RosterDistrict BaDinh = new("ba-dinh", "Quận Ba Đình", ["dieuphoi@ba-dinh.invalid"]);
    private static readonly RosterDistrict BaVi = new("ba-vi", "Huyện Ba Vì", []);

    private static RosterUnit Unit(string id, string name = "Đơn vị", string district = "ba-dinh", bool active = true, string? officers = null) =>
        new(id, name, district, district == "ba-dinh" ? BaDinh.DistrictName : BaVi.DistrictName, officers is null ? [] : [officers], active);

    private static RosterCsv Import(IReadOnlyList<RosterDistrict> districts, params RosterUnit[] units) =>
        new(districts, units, new Dictionary<string, IReadOnlyList<Message>>());

    [Fact]
    public void A_first_import_adds_every_unit_and_district()
    {
        var changes = RosterChanges.Between([], [], Import([BaDinh, BaVi], Unit("a"), Unit("b", district: "ba-vi")));

        Assert.Equal(["a", "b"], changes.Added.Select(u => u.UnitId));
        Assert.Empty(changes.Updated);
        Assert.Empty(changes.Deactivated);
        Assert.Empty(changes.Reactivated);
        Assert.Equal(0, changes.Unchanged);
        Assert.Equal(["ba-dinh", "ba-vi"], changes.DistrictsToWrite.Select(d => d.DistrictId));
        Assert.Empty(changes.DistrictsToDeactivate);
    }

    [Fact]
    public void The_same_roster_again_changes_nothing()
    {
        RosterUnit[] units = [Unit("a", officers: "x@ba-dinh.invalid"), Unit("b")];

        var changes = RosterChanges.Between(units, [BaDinh], Import([BaDinh], units));

        Assert.Equal(2, changes.Unchanged);
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Updated);
        Assert.Empty(changes.Deactivated);
        Assert.Empty(changes.DistrictsToWrite);
    }

    [Theory]
    [InlineData("new name", "ba-dinh", "x@ba-dinh.invalid")]
    [InlineData("Đơn vị", "ba-vi", "x@ba-dinh.invalid")]
    [InlineData("Đơn vị", "ba-dinh", "y@ba-dinh.invalid")]
    public void A_unit_whose_name_district_or_officers_change_is_updated(string name, string district, string officer)
    {
        var current = Unit("a", officers: "x@ba-dinh.invalid");

        var changes = RosterChanges.Between([current], [BaDinh, BaVi], Import([BaDinh, BaVi], Unit("a", name, district, officers: officer)));

        Assert.Equal("a", Assert.Single(changes.Updated).UnitId);
        Assert.Equal(0, changes.Unchanged);
    }

    [Fact]
    public void A_unit_missing_from_the_import_is_deactivated_not_removed()
    {
        var changes = RosterChanges.Between([Unit("a"), Unit("b")], [BaDinh], Import([BaDinh], Unit("a")));

        var deactivated = Assert.Single(changes.Deactivated);
        Assert.Equal("b", deactivated.UnitId);
        Assert.False(deactivated.Active);
        Assert.Equal(BaDinh.DistrictName, deactivated.DistrictName);
    }

    [Fact]
    public void A_unit_already_inactive_is_not_deactivated_again()
    {
        var changes = RosterChanges.Between([Unit("a"), Unit("gone", active: false)], [BaDinh], Import([BaDinh], Unit("a")));

        Assert.Empty(changes.Deactivated);
        Assert.Equal(1, changes.Unchanged);
    }

    [Fact]
    public void An_inactive_unit_that_comes_back_is_reactivated()
    {
        var changes = RosterChanges.Between([Unit("a", active: false)], [BaDinh], Import([BaDinh], Unit("a")));

        var reactivated = Assert.Single(changes.Reactivated);
        Assert.True(reactivated.Active);
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Updated);
    }

    [Fact]
    public void A_district_missing_from_the_import_is_deactivated()
    {
        var changes = RosterChanges.Between([Unit("a"), Unit("b", district: "ba-vi")], [BaDinh, BaVi], Import([BaDinh], Unit("a")));

        var district = Assert.Single(changes.DistrictsToDeactivate);
        Assert.Equal("ba-vi", district.DistrictId);
        Assert.False(district.Active);
    }

    [Fact]
    public void A_district_whose_coordinators_change_is_written_again()
    {
        var changed = BaDinh with { CoordinatorEmails = ["moi@ba-dinh.invalid"] };

        var changes = RosterChanges.Between([Unit("a")], [BaDinh], Import([changed], Unit("a")));

        Assert.Equal(["moi@ba-dinh.invalid"], Assert.Single(changes.DistrictsToWrite).CoordinatorEmails);
    }

    [Fact]
    public void An_inactive_district_that_comes_back_is_written_active()
    {
        var changes = RosterChanges.Between([], [BaVi with { Active = false }], Import([BaVi], Unit("b", district: "ba-vi")));

        Assert.True(Assert.Single(changes.DistrictsToWrite).Active);
    }
}
