namespace TetReadiness.Messages;

/// <summary>Which id a message is about, so each language can name it in its own words.</summary>
public enum IdKind
{
    Campaign,
    Unit,
    District,
    Section,
    Item,
}
