namespace TetReadiness.Digests;

/// <summary>Fails a <c>SendDigest</c> invocation on purpose, so the queue retries it (and finally moves it to <c>digests-poison</c>).</summary>
public sealed class DigestSendException(string message) : Exception(message);
