using System.Reflection;

namespace TetReadiness.LocalHost;

/// <summary>One function as the Functions host would see it in <c>functions.metadata</c>: name, trigger, entry point.</summary>
public sealed record FunctionDescriptor(
    string Name,
    FunctionTriggerKind Trigger,
    MethodInfo Method,
    string? Route = null,
    IReadOnlyList<string>? HttpMethods = null,
    string? Schedule = null,
    bool RunOnStartup = false,
    string? QueueName = null,
    string? Connection = null);
