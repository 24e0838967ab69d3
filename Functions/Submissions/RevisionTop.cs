using Azure;

namespace TetReadiness.Submissions;

/// <summary>
/// The top of a unit's revision log: the newest revision's number (0 for none) and the row above it, if any: a fence
/// of the projection repair (<see cref="Guard"/> null) or a review guard, with the storage ETag a replace needs.
/// </summary>
public sealed record RevisionTop(int Latest, ETag? Above, RevisionGuard? Guard);
