namespace TetReadiness.Digests;

/// <summary>The tables digests own; only the digest stores name them.</summary>
public static class DigestTables
{
    public const string Digests = "Digests";
    public const string StatusSnapshots = "StatusSnapshots";

    public static IReadOnlyList<string> All { get; } = [Digests, StatusSnapshots];
}
