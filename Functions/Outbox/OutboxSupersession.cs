namespace TetReadiness.Outbox;

/// <summary>Why a waiting row was superseded instead of sent.</summary>
public enum OutboxSupersession
{
    /// <summary>A run found it lost (no message left to send it) when it was no longer due.</summary>
    FoundLost,

    /// <summary>A poison re-drive brought it back when it was no longer due.</summary>
    Redriven,
}
