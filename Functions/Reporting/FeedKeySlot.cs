namespace TetReadiness.Reporting;

/// <summary>Which configured key a request presented; logged, so an operator sees when the old key is no longer used.</summary>
public enum FeedKeySlot
{
    Primary,
    Secondary,
}
