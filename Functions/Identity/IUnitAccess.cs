namespace TetReadiness.Identity;

/// <summary>
/// What access to a reporting unit depends on, as <see cref="AccessPolicy"/> reads it: the unit and its area, the
/// officers who may report for it, whether it is active, and the generation every current link for it carries.
/// The roster's units provide it; identity knows nothing else about the roster.
/// </summary>
public interface IUnitAccess
{
    string UnitId { get; }

    string DistrictId { get; }

    IReadOnlyList<string> OfficerEmails { get; }

    bool Active { get; }

    int LinkGeneration { get; }
}
