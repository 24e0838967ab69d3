using System.Text.Json.Serialization;

namespace TetReadiness.Digests;

/// <summary>
/// The JSON on queue <c>digests</c>: which <c>Digests</c> row to send. What the email covers is read from that row
/// and its content is computed when it is sent, so a retry an hour later reports the numbers of that hour.
/// </summary>
public sealed class DigestMessage
{
    /// <summary>The Vietnam calendar date of the digest, <c>yyyy-MM-dd</c>.</summary>
    [JsonPropertyName("date")]
    public string Date { get; set; } = string.Empty;

    [JsonPropertyName("recipient")]
    public string Recipient { get; set; } = string.Empty;

    public static DigestMessage From(DigestEntity row) => new() { Date = row.DigestDate, Recipient = row.Recipient };
}
