using TetReadiness.Time;

namespace TetReadiness.Notes;

/// <summary>A note as the API shows it: <c>{text, by, at}</c>, the time in Vietnam time.</summary>
public sealed record UnitNoteView(string Text, string By, DateTimeOffset At)
{
    public static UnitNoteView Of(UnitNote note) => new(note.Text, note.By, VietnamTime.ToVietnam(note.At));
}
