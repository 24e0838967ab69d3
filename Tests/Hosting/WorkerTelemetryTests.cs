using System.Diagnostics;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TetReadiness.Hosting;

namespace TetReadiness.Tests.Hosting;

/// <summary>Worker telemetry: off without a connection string, managed identity for ingestion, query strings never exported.</summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public void Without_a_connection_string_nothing_is_registered()
    {
        var services = new ServiceCollection();

        services.AddTetReadinessTelemetry(new ConfigurationBuilder().Build());

        Assert.Empty(services);
    }

    [Fact]
    public void With_a_connection_string_tracing_is_registered()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
        }).Build();

        services.AddTetReadinessTelemetry(configuration);

        Assert.Contains(services, service => service.ServiceType == typeof(TracerProvider));
    }

    [Theory]
    [InlineData("Authorization=AAD", true)]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Ingestion_uses_the_managed_identity_when_the_authentication_string_says_so(string? authenticationString, bool managedIdentity)
    {
        var credential = TelemetryServiceCollectionExtensions.IngestionCredential(authenticationString);

        Assert.Equal(managedIdentity, credential is ManagedIdentityCredential);
    }

    [Theory]
    [InlineData("url.full", "https://func-x.azurewebsites.net/form?t=secret-link-token", "https://func-x.azurewebsites.net/form?REDACTED")]
    [InlineData("http.url", "https://st.table.core.windows.net/Units()?$filter=PartitionKey%20eq%20'officer%40x.vn'", "https://st.table.core.windows.net/Units()?REDACTED")]
    [InlineData("url.query", "t=secret-link-token", "REDACTED")]
    [InlineData("url.full", "https://api.sendgrid.com/v3/mail/send", "https://api.sendgrid.com/v3/mail/send")]
    public void Query_strings_are_redacted_before_export(string tag, string value, string exported)
    {
        using var activity = new Activity("test");
        activity.SetTag(tag, value);

        new QueryStringRedactor().OnEnd(activity);

        Assert.Equal(exported, activity.GetTagItem(tag));
    }
}
