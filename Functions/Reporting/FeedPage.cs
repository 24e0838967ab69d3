using Azure.Data.Tables;
using TetReadiness.FeedSchema;

namespace TetReadiness.Reporting;

/// <summary>One storage response: up to 1,000 rows, and the campaign they were read for (if read per campaign).</summary>
public sealed record FeedPage(IReadOnlyList<TableEntity> Rows, FeedCampaign? Campaign);
