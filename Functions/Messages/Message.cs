namespace TetReadiness.Messages;

/// <summary>
/// A user-facing message not yet put into words: a service writes <c>c =&gt; c.UnknownCampaign(campaignId)</c>, and
/// the edge renders it with the catalog of the language the response is in.
/// </summary>
public delegate string Message(IMessageCatalog catalog);
