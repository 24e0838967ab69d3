using TetReadiness.Messages;
using TetReadiness.Roster;

namespace TetReadiness.Tests.Roster;

public sealed class RosterPeopleChangesTests
{
    private static readonly RosterDistrict BaDinh = new("ba-dinh", "Quận Ba Đình", ["dieuphoi@ba-dinh.invalid"]);
    private static readonly RosterDistrict BaVi = new("ba-vi", "Huyện Ba Vì", []);

    private static RosterUnit Unit(string id, string district = "ba-dinh", string name = "Đơn vị", bool active = true, string[]? officers = null) =>
        new(id, name, district, district == "ba-dinh" ? BaDinh.DistrictName : BaVi.DistrictName, officers ?? [], active);

    private static IReadOnlyList<string> Changes(IReadOnlyList<RosterUnit> current, IReadOnlyList<RosterDistrict> districts, IReadOnlyList<RosterDistrict> importedDistricts, params RosterUnit[] imported) =>
        RosterPeopleChanges.Between(RosterChanges.Between(current, districts, new RosterCsv(importedDistricts, imported, new Dictionary<string, IReadOnlyList<Message>>())))
            .Select(c => $"{(c.Remove ? "-" : "+")}{c.Email} {(c.Unit is { } u ? "officer " + u.UnitId + " " + u.DistrictId : "coordinator " + c.District!.DistrictId)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void A_first_import_writes_a_row_per_officer_of_each_unit_and_per_coordinator_of_each_area()
    {
        Assert.Equal(
            ["+a@x.invalid officer u1 ba-dinh", "+b@x.invalid officer u1 ba-dinh", "+b@x.invalid officer u2 ba-vi", "+dieuphoi@ba-dinh.invalid coordinator ba-dinh"],
            Changes([], [], [BaDinh, BaVi], Unit("u1", officers: ["a@x.invalid", "b@x.invalid"]), Unit("u2", "ba-vi", officers: ["b@x.invalid"])));
    }

    [Fact]
    public void The_same_roster_again_changes_no_row()
    {
        RosterUnit[] units = [Unit("u1", officers: ["a@x.invalid", "b@x.invalid"]), Unit("u2", "ba-vi")];

        Assert.Empty(Changes(units, [BaDinh, BaVi], [BaDinh, BaVi], units));
    }

    [Fact]
    public void An_officer_replaced_on_a_unit_changes_only_that_pair()
    {
        Assert.Equal(
            ["+c@x.invalid officer u1 ba-dinh", "-b@x.invalid officer u1 ba-dinh"],
            Changes([Unit("u1", officers: ["a@x.invalid", "b@x.invalid"])], [BaDinh], [BaDinh], Unit("u1", officers: ["a@x.invalid", "c@x.invalid"])));
    }

    [Fact]
    public void A_unit_renamed_or_moved_rewrites_the_rows_of_its_officers()
    {
        var current = Unit("u1", officers: ["a@x.invalid"]);

        Assert.Equal(["+a@x.invalid officer u1 ba-dinh"], Changes([current], [BaDinh], [BaDinh], Unit("u1", name: "Tên mới", officers: ["a@x.invalid"])));
        Assert.Equal(["+a@x.invalid officer u1 ba-vi"], Changes([current], [BaDinh, BaVi], [BaDinh, BaVi], Unit("u1", "ba-vi", officers: ["a@x.invalid"])));
    }

    [Fact]
    public void A_unit_that_leaves_removes_its_officers_rows_and_one_that_comes_back_writes_them_again()
    {
        Assert.Equal(["-a@x.invalid officer u1 ba-dinh"], Changes([Unit("u1", officers: ["a@x.invalid"]), Unit("u2")], [BaDinh], [BaDinh], Unit("u2")));
        Assert.Equal(["+a@x.invalid officer u1 ba-dinh"], Changes([Unit("u1", active: false, officers: ["a@x.invalid"]), Unit("u2")], [BaDinh], [BaDinh], Unit("u1", officers: ["a@x.invalid"]), Unit("u2")));
    }

    [Fact]
    public void Coordinators_follow_their_area_in_and_out_of_the_roster()
    {
        var renamed = BaDinh with { DistrictName = "Phường Ba Đình" };
        var handedOver = BaDinh with { CoordinatorEmails = ["moi@ba-dinh.invalid"] };
        var inactive = BaDinh with { Active = false };

        Assert.Equal(["+dieuphoi@ba-dinh.invalid coordinator ba-dinh"], Changes([Unit("u1")], [BaDinh], [renamed], Unit("u1") with { DistrictName = "Phường Ba Đình" }).Where(c => c.Contains("coordinator", StringComparison.Ordinal)));
        Assert.Equal(["+moi@ba-dinh.invalid coordinator ba-dinh", "-dieuphoi@ba-dinh.invalid coordinator ba-dinh"], Changes([Unit("u1")], [BaDinh], [handedOver], Unit("u1")));
        Assert.Equal(["-dieuphoi@ba-dinh.invalid coordinator ba-dinh"], Changes([Unit("u1"), Unit("u2", "ba-vi")], [BaDinh, BaVi], [BaVi], Unit("u2", "ba-vi")).Where(c => c.Contains("coordinator", StringComparison.Ordinal)));
        Assert.Equal(["+dieuphoi@ba-dinh.invalid coordinator ba-dinh"], Changes([Unit("u1", active: false)], [inactive], [BaDinh], Unit("u1")).Where(c => c.Contains("coordinator", StringComparison.Ordinal)));
    }
}
