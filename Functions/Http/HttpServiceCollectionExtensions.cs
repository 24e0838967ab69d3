using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// The edge every HTTP invocation runs inside (Program.cs adds <see cref="HttpEdgeMiddleware"/> around it). The
    /// composition root says where the app's public address comes from, so the edge depends on no settings class.
    /// </summary>
    public static IServiceCollection AddHttpEdge(this IServiceCollection services, Func<IServiceProvider, string?> publicBaseUrl) =>
        services.AddSingleton(sp => new HttpEdge(sp.GetRequiredService<ILogger<HttpEdge>>(), publicBaseUrl(sp)));
}
