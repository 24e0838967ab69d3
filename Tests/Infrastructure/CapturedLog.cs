using Microsoft.Extensions.Logging;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>One line a <see cref="LogCapture"/> kept; <see cref="Text"/> holds everything a sink would store.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text);
