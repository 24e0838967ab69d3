namespace TetReadiness.Reviews;

/// <summary>The transition a request makes, as <see cref="ReviewRules"/> decided it: on which revision, from and to which state.</summary>
public sealed record ReviewStep(int Sequence, int Revision, string FromState, string ToState, string Decision);
