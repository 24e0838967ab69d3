using Microsoft.AspNetCore.Http;

namespace TetReadiness.LocalHost;

/// <summary>What a trigger hands to one invocation.</summary>
public sealed record FunctionInput(string Reason, HttpContext? HttpContext = null, string? Message = null, bool IsPastDue = false);
