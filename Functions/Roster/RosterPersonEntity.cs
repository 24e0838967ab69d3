using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Roster;

/// <summary>
/// A row of <c>RosterPeople</c>: partition = <see cref="RosterPeopleKeys.Bucket"/> of the email's key, row key
/// <c>{key}|officer|{UnitId}</c> (an active unit the email reports for) or <c>{key}|coordinator|{DistrictId}</c> (an
/// active area it coordinates). Written only by the roster import and its migration; the units and areas are the truth.
/// </summary>
internal sealed class RosterPersonEntity : ITableEntity
{
    public const string OfficerRole = "officer";
    public const string CoordinatorRole = "coordinator";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>As the roster has it (lowercase); the key may be escaped or hashed, this never is.</summary>
    public string Email { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary>Empty on a coordinator's row.</summary>
    public string? UnitId { get; set; }

    public string? UnitName { get; set; }

    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    public static RosterPersonEntity Officer(string email, RosterUnit unit)
    {
        var key = RosterPeopleKeys.ForEmail(email);
        return new()
        {
            PartitionKey = RosterPeopleKeys.Bucket(key),
            RowKey = RosterPeopleKeys.Officer(key, unit.UnitId),
            Email = email,
            Role = OfficerRole,
            UnitId = unit.UnitId,
            UnitName = unit.UnitName,
            DistrictId = unit.DistrictId,
            DistrictName = unit.DistrictName,
        };
    }

    public static RosterPersonEntity Coordinator(string email, RosterDistrict district)
    {
        var key = RosterPeopleKeys.ForEmail(email);
        return new()
        {
            PartitionKey = RosterPeopleKeys.Bucket(key),
            RowKey = RosterPeopleKeys.Coordinator(key, district.DistrictId),
            Email = email,
            Role = CoordinatorRole,
            DistrictId = district.DistrictId,
            DistrictName = district.DistrictName,
        };
    }
}
