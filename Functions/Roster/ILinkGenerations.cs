namespace TetReadiness.Roster;

/// <summary>
/// The link generation each unit's row carries (<c>Units.LinkGeneration</c>): links minted before the current
/// generation are revoked. Raising it is the roster's write, asked for by the links feature.
/// </summary>
public interface ILinkGenerations
{
    /// <summary>
    /// Raises the unit's link generation by one if <paramref name="allowed"/> accepts the unit as stored now. Guarded by
    /// the row's ETag: a concurrent revocation or import makes it read the unit again and ask again.
    /// </summary>
    Task<LinkGenerationRaise> RaiseAsync(string unitId, Func<RosterUnit, bool> allowed, CancellationToken cancellationToken);
}
