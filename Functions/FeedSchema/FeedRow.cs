using Azure.Data.Tables;

namespace TetReadiness.FeedSchema;

/// <summary>A stored row and, for tables read campaign by campaign, the campaign it was read for.</summary>
public readonly record struct FeedRow(TableEntity Entity, FeedCampaign? Campaign);
