using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TetReadiness.Identity;

/// <summary>
/// Reads <c>X-MS-CLIENT-PRINCIPAL</c>: base64 JSON with <c>auth_typ</c>, <c>name_typ</c>, <c>role_typ</c> and
/// <c>claims[]</c>. The email comes from <c>preferred_username</c>, <c>email</c>/<c>emails</c> or the xmlsoap
/// <c>emailaddress</c> claim; roles from <c>roles</c> or the claim type named by <c>role_typ</c>.
/// </summary>
public static class ClientPrincipalParser
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    private const int MaxHeaderLength = 16 * 1024;

    private static readonly string[] EmailClaims =
    [
        "preferred_username", "email", "emails", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    private static readonly string[] RoleClaims = ["roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public static bool TryParse(string? header, [NotNullWhen(true)] out ClientPrincipal? principal)
    {
        principal = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
            var pairs = new List<(string Type, string Value)>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object
                    && claim.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String
                    && claim.TryGetProperty("val", out var val) && val.ValueKind == JsonValueKind.String)
                {
                    pairs.Add((typ.GetString()!, val.GetString()!));
                }
            }

            var email = EmailClaims
                .SelectMany(type => pairs.Where(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value))
                .Select(v => v.Trim().ToLowerInvariant())
                .FirstOrDefault(Common.Emails.IsValid);
            var name = nameType is null ? null : pairs.FirstOrDefault(p => p.Type == nameType).Value;
            var roles = pairs
                .Where(p => RoleClaims.Contains(p.Type, StringComparer.OrdinalIgnoreCase) || (roleType is not null && p.Type == roleType))
                .Select(p => p.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var provider = root.TryGetProperty("auth_typ", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString()! : "unknown";
            if (email is null && roles.Count == 0)
            {
                return false;
            }

            principal = new ClientPrincipal(provider, email, name, roles);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException or DecoderFallbackException)
        {
            return false;
        }
    }
}
