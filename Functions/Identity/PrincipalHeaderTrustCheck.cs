using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TetReadiness.Messages;

namespace TetReadiness.Identity;

/// <summary>Says at start, as an error, when the header-trust setting is refused; health keeps answering 503 until it is removed.</summary>
public sealed class PrincipalHeaderTrustCheck(PrincipalHeaderTrust trust, ILogger<PrincipalHeaderTrustCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (trust.Misconfiguration is { } fault)
        {
            logger.LogError("Refused setting: {Fault}", fault(EnglishMessages.Instance));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
