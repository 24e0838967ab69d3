namespace TetReadiness.Roster;

/// <summary>What <see cref="ILinkGenerations.RaiseAsync"/> did: raised to <see cref="Generation"/>, or why not.</summary>
public sealed record LinkGenerationRaise(LinkGenerationOutcome Outcome, int Generation = 0);
