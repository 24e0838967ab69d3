namespace TetReadiness.Digests;

/// <summary>One unit's difficulties or proposals as a digest quotes them: on one line, cut to about 300 characters.</summary>
public sealed record DigestRemark(DigestUnit Unit, DateTimeOffset SubmittedAt, string Excerpt);
