namespace TetReadiness.Campaigns;

/// <summary>
/// What a campaign save does with its checklist version (<see cref="ChecklistVersioning"/>).
/// <paramref name="Version"/> is the version the saved row carries and <paramref name="SealedVersion"/> the newest one
/// that may have been answered. <paramref name="KeptVersion"/> is the version left behind when a change makes a new
/// one: its checklist goes to <c>ChecklistVersions</c> before the row moves on. <paramref name="SealFirst"/> says the
/// stored row does not say yet that the kept version is sealed, so the save writes that first: from then on no
/// concurrent save can edit the version in place while its checklist is being kept.
/// </summary>
public sealed record ChecklistVersionDecision(int Version, int SealedVersion, int? KeptVersion, bool SealFirst);
