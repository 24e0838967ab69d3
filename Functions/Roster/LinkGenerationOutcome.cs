namespace TetReadiness.Roster;

public enum LinkGenerationOutcome
{
    Raised,

    /// <summary>No such unit in the current roster.</summary>
    UnknownUnit,

    /// <summary>The caller's rule refused the unit as stored.</summary>
    Refused,

    /// <summary>The row kept changing under every attempt.</summary>
    KeptChanging,
}
