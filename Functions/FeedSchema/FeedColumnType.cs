namespace TetReadiness.FeedSchema;

/// <summary>
/// The types of feed columns, named in docs/power-bi-schema.json as <c>text</c>, <c>int</c>, <c>number</c>,
/// <c>bool</c>, <c>datetime</c> (an instant in UTC), <c>date</c> and <c>time</c> (Vietnam local).
/// </summary>
public enum FeedColumnType
{
    Text,
    Int,
    Number,
    Bool,
    DateTimeUtc,
    Date,
    Time,
}
