using System.Diagnostics;
using OpenTelemetry;

namespace TetReadiness.Hosting;

/// <summary>
/// Removes the query string from every URL a span carries before it is exported: a unit link's token (<c>?t=</c>),
/// a table filter naming a person, a SAS signature must never reach Application Insights. The path stays, so a
/// dependency or request is still recognisable.
/// </summary>
public sealed class QueryStringRedactor : BaseProcessor<Activity>
{
    public const string Redacted = "REDACTED";

    private static readonly string[] UrlTags = ["url.full", "http.url", "url.query", "http.target", "server.address.full"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value && value.Contains('?', StringComparison.Ordinal))
            {
                data.SetTag(tag, Redact(value));
            }
            else if (tag == "url.query" && data.GetTagItem(tag) is string { Length: > 0 })
            {
                data.SetTag(tag, Redacted);
            }
        }
    }

    public static string Redact(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', query);
        return url[..(query + 1)] + Redacted + (fragment < 0 ? string.Empty : url[fragment..]);
    }
}
