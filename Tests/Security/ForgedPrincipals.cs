using System.Text;
using System.Text.Json;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Forged and malformed <c>X-MS-CLIENT-PRINCIPAL</c> values, by name, with the status they get when the header is
/// trusted: 401 when nothing usable is in them; 403 when they parse but grant nothing (a look-alike role).
/// </summary>
public static class ForgedPrincipals
{
    public static IReadOnlyDictionary<string, (string Header, int StatusWhenTrusted)> All { get; } = new Dictionary<string, (string, int)>
    {
        ["not base64"] = ("not base64 at all!", 401),
        ["base64 of text"] = (Base64("hello world"), 401),
        ["base64 of invalid utf-8"] = (Convert.ToBase64String([0xff, 0xfe, 0xfd, 0x7b]), 401),
        ["truncated base64"] = (Valid()[..^3], 401),
        ["json null"] = (Base64("null"), 401),
        ["json array"] = (Base64("[]"), 401),
        ["empty object"] = (Base64("{}"), 401),
        ["claims not an array"] = (Base64("{\"claims\":{\"typ\":\"roles\",\"val\":\"coordinator\"}}"), 401),
        ["claims a string"] = (Base64("{\"claims\":\"coordinator\"}"), 401),
        ["claim values not strings"] = (Base64("{\"claims\":[{\"typ\":\"roles\",\"val\":1},{\"typ\":\"preferred_username\",\"val\":[\"a@b.invalid\"]}]}"), 401),
        ["claims without typ"] = (Base64("{\"claims\":[{\"val\":\"coordinator\"}]}"), 401),
        ["email not an email"] = (Principal(new { typ = "preferred_username", val = "not-an-email" }), 401),
        ["nested 100 deep"] = (Base64("{\"claims\":[" + new string('[', 100) + new string(']', 100) + "]}"), 401),
        ["huge header"] = (Principal(Enumerable.Range(0, 600).Select(i => (object)new { typ = "groups", val = $"group-{i:D4}-0123456789" }).Append(new { typ = "roles", val = "coordinator" }).ToArray()), 401),
        ["role Coordinator with spaces"] = (Principal(new { typ = "roles", val = "Coordinator " }), 403),
        ["role claim typ with spaces"] = (Principal(new { typ = " roles", val = "coordinator" }, new { typ = "preferred_username", val = "ke-gia-mao@evil.invalid" }), 403),
    };

    public static TheoryData<string, bool> NamesTrustedAndNot
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var name in All.Keys)
            {
                data.Add(name, false);
                data.Add(name, true);
            }

            return data;
        }
    }

    private static string Valid() => Principal(new { typ = "roles", val = "coordinator" }, new { typ = "preferred_username", val = "sonoivu@hanoi.invalid" });

    private static string Principal(params object[] claims) =>
        Base64(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims }));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
