using Microsoft.AspNetCore.Http.Features;

namespace TetReadiness.Tests.Reporting;

/// <summary>Stands in for the server's request lifetime, recording whether the response was aborted.</summary>
public sealed class AbortRecorder : IHttpRequestLifetimeFeature
{
    public CancellationToken RequestAborted { get; set; }

    public bool Aborted { get; private set; }

    public void Abort() => Aborted = true;
}
