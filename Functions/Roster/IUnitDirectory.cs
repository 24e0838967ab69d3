namespace TetReadiness.Roster;

/// <summary>
/// What other features may ask of the roster: units and areas, as domain records. The current roster is one partition
/// of <c>Units</c> (a full read is one request per 1,000 units) and again one partition per area in <c>AreaUnits</c>;
/// a closed campaign's is its frozen copy, one key range per area. Who is who is an index by email (<c>RosterPeople</c>).
/// </summary>
public interface IUnitDirectory
{
    /// <summary>A unit as this instance last read it (cached for <see cref="RosterStore.UnitCacheDuration"/>); null when unknown.</summary>
    Task<RosterUnit?> GetUnitAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>
    /// The unit as storage has it now (one point read), for a decision a cached copy must not make: a write through a
    /// unit link checks the generation a revocation raised on another instance. The cache takes the fresh copy.
    /// </summary>
    Task<RosterUnit?> ReadUnitAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>Every unit of the current roster, active or not.</summary>
    IAsyncEnumerable<RosterUnit> ReadCurrentUnitsAsync(CancellationToken cancellationToken);

    /// <summary>The units a campaign counts: its frozen roster once it has one, otherwise the current roster.</summary>
    IAsyncEnumerable<RosterUnit> ReadUnitsForCampaignAsync(string campaignId, bool frozen, CancellationToken cancellationToken);

    /// <summary>Every area of the current roster, active or not.</summary>
    Task<IReadOnlyList<RosterDistrict>> ReadDistrictsAsync(CancellationToken cancellationToken);

    /// <summary>The units of one area (active or not): the current roster's <c>AreaUnits</c> partition, or the campaign's
    /// frozen roster's key range of <c>CampaignUnits</c> when <paramref name="frozen"/>. One query per 1,000 units of the area.</summary>
    IAsyncEnumerable<RosterUnit> ReadAreaUnitsAsync(string campaignId, bool frozen, string districtId, CancellationToken cancellationToken);

    /// <summary>What the current roster says of one email: the active units it reports for and the active areas it
    /// coordinates (one query on <c>RosterPeople</c>). Empty for an unknown email.</summary>
    Task<RosterPerson> FindPersonAsync(string email, CancellationToken cancellationToken);
}
