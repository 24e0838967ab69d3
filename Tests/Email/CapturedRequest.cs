namespace TetReadiness.Tests.Email;

/// <summary>One request as <see cref="SendGridStub"/> received it, body as bytes so its encoding can be checked.</summary>
public sealed record CapturedRequest(string Method, string Path, string? Authorization, string? ContentType, byte[] Body);
