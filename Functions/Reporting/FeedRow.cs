using Azure.Data.Tables;
using TetReadiness.Campaigns;

namespace TetReadiness.Reporting;

/// <summary>A stored row and, for tables read campaign by campaign, the campaign it was read for.</summary>
public readonly record struct FeedRow(TableEntity Entity, CampaignEntity? Campaign);
