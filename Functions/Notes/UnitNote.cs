namespace TetReadiness.Notes;

/// <summary>A coordinator's note on a unit: what was done or agreed (<c>"Đã gọi đ/c Lan, hẹn nộp trước 10h"</c>), by whom, when.</summary>
public sealed record UnitNote(string Text, string By, DateTimeOffset At);
