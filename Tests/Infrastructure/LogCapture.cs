using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line it is given, as a sink in Application Insights would see it: category,
/// level, the formatted message, every structured value, every scope value and the whole exception. Added beside the
/// app's own providers, it sees exactly what passes the app's filters (it sets no level of its own).
/// </summary>
public sealed partial class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> lines = new();
    private readonly ConcurrentBag<(Func<CapturedLog, bool> Match, TaskCompletionSource Signal)> waiters = [];
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => lines.ToArray();

    /// <summary>The text of every line at Error or above.</summary>
    public IEnumerable<string> Errors => Lines.Where(line => line.Level >= LogLevel.Error).Select(line => line.Text);

    /// <summary>Anything that reads like an email address.</summary>
    public static Regex EmailAddress { get; } = EmailRegex();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <summary>Completes once a line matching <paramref name="match"/> has been logged (already, or later).</summary>
    public Task WaitForAsync(Func<CapturedLog, bool> match, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Add((match, signal));
        if (lines.Any(match))
        {
            signal.TrySetResult();
        }

        return signal.Task.WaitAsync(timeout);
    }

    /// <summary>Lines (with their category) that contain any of <paramref name="secrets"/> or an email address.</summary>
    public IReadOnlyList<string> Leaks(params string[] secrets) =>
        Lines.Select(line => line.Text)
            .Where(text => secrets.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase)) || EmailAddress.IsMatch(text))
            .ToList();

    /// <summary>Forgets what was logged so far (the seeding, say), so assertions see only what follows.</summary>
    public void Clear() => lines.Clear();

    public void Dispose()
    {
    }

    private void Add(CapturedLog line)
    {
        lines.Enqueue(line);
        foreach (var (match, signal) in waiters)
        {
            if (match(line))
            {
                signal.TrySetResult();
            }
        }
    }

    [GeneratedRegex(@"[^@\s""'<>,;:()\[\]]+@[^@\s""'<>,;:()\[\]]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(category).Append(" [").Append(logLevel).Append("] ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    text.Append(" | ").Append(name).Append('=').Append(value);
                }
            }

            owner.scopes.ForEachScope((scope, builder) => builder.Append(" | scope: ").Append(Describe(scope)), text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            owner.Add(new CapturedLog(category, logLevel, text.ToString()));
        }

        private static string Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString() ?? string.Empty;
    }
}
