using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace TetReadiness.Tests.Http;

/// <summary>
/// A <see cref="FunctionContext"/> as the isolated worker hands it to middleware, without a Functions host. Two parts
/// come from the worker's own source (Azure/azure-functions-dotnet-worker): the ASP.NET Core integration's
/// <c>GetHttpContext()</c> reads <c>Items["HttpRequestContext"]</c>, which its proxying middleware fills before the
/// rest of the pipeline runs; and <c>GetInvocationResult()</c> reads and writes the internal
/// <c>IFunctionBindingsFeature</c> among the invocation's features. The worker's core assembly lets Moq's proxies
/// implement that internal interface, so a property stub stands in for the gRPC binding feature.
/// </summary>
public static class WorkerInvocation
{
    private const string HttpContextKey = "HttpRequestContext";

    /// <summary>An HTTP-triggered invocation of the request's <see cref="HttpContext"/>.</summary>
    public static FunctionContext Http(HttpContext httpContext) => Create(new Dictionary<object, object> { [HttpContextKey] = httpContext });

    /// <summary>A timer or queue invocation: no HttpContext.</summary>
    public static FunctionContext Other() => Create(new Dictionary<object, object>());

    private static FunctionContext Create(IDictionary<object, object> items)
    {
        var bindingsType = typeof(FunctionContext).Assembly.GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;
        var bindings = (Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(bindingsType))!;
        bindings.GetType().GetMethod("SetupAllProperties")!.Invoke(bindings, null);
        var features = new Features();
        features.Set(bindingsType, bindings.Object);

        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.Features).Returns(features);
        return context.Object;
    }

    private sealed class Features : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> features = [];

        public void Set(Type type, object instance) => features[type] = instance;

        public void Set<T>(T instance) => features[typeof(T)] = instance!;

        public T? Get<T>() => features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
