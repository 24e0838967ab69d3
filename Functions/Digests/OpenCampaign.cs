using TetReadiness.Campaigns;
using TetReadiness.Status;

namespace TetReadiness.Digests;

/// <summary>A campaign that is open today, with its status as the digest run computed it.</summary>
public sealed record OpenCampaign(Campaign Campaign, CampaignStatus Status);
