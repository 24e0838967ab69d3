using TetReadiness.Roster;

namespace TetReadiness.Digests;

/// <summary>
/// Who gets a digest today and what it covers. A campaign's digest recipients see the whole city; a district's
/// coordinators see their district, for every open campaign that counts units there. Everyone gets one email, with
/// a section per scope; emails are compared case-insensitively. No I/O.
/// </summary>
public static class DigestPlanner
{
    public static IReadOnlyList<DigestPlan> Plan(IEnumerable<OpenCampaign> campaigns, IEnumerable<RosterDistrict> districts)
    {
        var coordinators = districts.Where(d => d.Active).OrderBy(d => d.DistrictId, StringComparer.Ordinal).ToList();
        var scopes = new Dictionary<string, List<DigestScope>>(StringComparer.Ordinal);
        void Add(string email, DigestScope scope)
        {
            var recipient = email.Trim().ToLowerInvariant();
            if (recipient.Length == 0)
            {
                return;
            }

            if (!scopes.TryGetValue(recipient, out var list))
            {
                scopes[recipient] = list = [];
            }

            if (!list.Contains(scope))
            {
                list.Add(scope);
            }
        }

        foreach (var open in campaigns.OrderBy(c => c.Campaign.Deadline).ThenBy(c => c.Campaign.CampaignId, StringComparer.Ordinal))
        {
            var campaignId = open.Campaign.CampaignId;
            foreach (var recipient in open.Campaign.DigestRecipients)
            {
                Add(recipient, DigestScope.City(campaignId));
            }

            var counted = open.Status.Districts.Where(d => d.Units > 0).Select(d => d.DistrictId).ToHashSet(StringComparer.Ordinal);
            foreach (var district in coordinators.Where(d => counted.Contains(d.DistrictId)))
            {
                foreach (var coordinator in district.CoordinatorEmails)
                {
                    Add(coordinator, DigestScope.District(campaignId, district.DistrictId));
                }
            }
        }

        return scopes
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new DigestPlan(pair.Key, WithoutCoveredDistricts(pair.Value)))
            .ToList();
    }

    /// <summary>Someone who sees a campaign's whole city already sees each of its districts there.</summary>
    private static IReadOnlyList<DigestScope> WithoutCoveredDistricts(IReadOnlyList<DigestScope> scopes)
    {
        var cities = scopes.Where(s => s.IsCity).Select(s => s.CampaignId).ToHashSet(StringComparer.Ordinal);
        return scopes.Where(s => s.IsCity || !cities.Contains(s.CampaignId)).ToList();
    }
}
