using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;

namespace TetReadiness.Tests.Http;

/// <summary>The edge is applied around HTTP functions, never handed to them: a function body is binding, one call, result.</summary>
public sealed class HttpFunctionsTests
{
    [Fact]
    public void No_HTTP_function_class_takes_the_edge_or_a_responder()
    {
        var classes = typeof(HttpEdge).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method =>
                method.GetCustomAttribute<FunctionAttribute>() is not null
                && method.GetParameters().Any(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)))
            .ToList();

        var wrapped = classes
            .Where(type => type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
                .Any(parameter => parameter.ParameterType == typeof(HttpEdge) || parameter.ParameterType.Name.Contains("Responder", StringComparison.Ordinal)))
            .Select(type => type.Name)
            .ToList();

        // Guards the check against covering nothing: the API's function classes and the pages.
        Assert.Superset(new HashSet<string> { "SubmissionFunctions", "CampaignFunctions", "RosterFunctions", "StatusFunctions", "LinkFunctions", "ProfileFunctions", "FeedFunctions", "HealthFunction", "WebFunctions" }, classes.Select(type => type.Name).ToHashSet());
        Assert.Empty(wrapped);
    }
}
