using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>The edge every HTTP invocation runs inside (Program.cs adds <see cref="HttpEdgeMiddleware"/> around it).</summary>
    public static IServiceCollection AddHttpEdge(this IServiceCollection services) => services.AddSingleton<HttpEdge>();
}
