using System.Diagnostics;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// A stand-in `az` first on PATH for the hook scripts: it records every call and answers from a script of
/// responses per command. A command's key is its words before the first option, plus the value of <c>--name</c>
/// (<c>keyvault secret show UnitLinksPrimaryKey</c>); <c>az rest</c> is keyed by method and the URL's last path
/// segment (<c>rest post refresh</c>); answers for a key followed by <c>--query {query}</c> take precedence. Each call takes the next answer; the last one repeats; a command without
/// answers succeeds silently. <c>keyvault secret set</c> keeps the file it was given (under the secret's name), and any
/// <c>@file</c> argument is kept under the command's words joined by dashes (<c>ad-app-update</c>).
/// </summary>
public sealed class FakeAz : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        dir="$(cd "$(dirname "$0")" && pwd)"
        printf '%s\n' "$*" >> "$dir/calls.log"
        words=(); name=""; file=""; method=""; url=""; query=""; previous=""
        for arg in "$@"; do
          case "$previous" in
            --name) name="$arg" ;;
            --file) file="$arg" ;;
            --method) method="$arg" ;;
            --url) url="$arg" ;;
            --query) query="$arg" ;;
          esac
          previous="$arg"
        done
        for arg in "$@"; do
          case "$arg" in --*) break ;; esac
          words+=("$arg")
        done
        key="${words[*]}"
        if [ "$key" = rest ]; then
          path="${url%%\?*}"
          key="rest $method ${path##*/}"
        elif [ -n "$name" ]; then
          key="$key $name"
        fi
        mkdir -p "$dir/written"
        if [ "${words[*]}" = "keyvault secret set" ] && [ -n "$file" ]; then
          cp "$file" "$dir/written/$name.$(date +%s%N)"
        fi
        joined="${words[*]}"
        for arg in "$@"; do
          case "$arg" in @*) [ -f "${arg#@}" ] && cp "${arg#@}" "$dir/written/${joined// /-}.$(date +%s%N)" ;; esac
        done
        [ -n "$query" ] && [ -f "$dir/answers/$key --query $query" ] && key="$key --query $query"
        answers="$dir/answers/$key"
        [ -f "$answers" ] || exit 0
        count_file="$dir/counts/$key"
        mkdir -p "$dir/counts"
        count=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
        echo "$count" > "$count_file"
        total=$(wc -l < "$answers")
        line=$(sed -n "$(( count < total ? count : total ))p" "$answers")
        IFS=$'\t' read -r code out err <<< "$line"
        [ "$out" = "-" ] || printf '%b\n' "$out"
        [ "$err" = "-" ] || printf '%b\n' "$err" >&2
        exit "$code"
        """;

    public FakeAz()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tetreadiness-fake-az-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "answers"));
        var path = Path.Combine(Directory, "az");
        File.WriteAllText(path, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Directory { get; }

    /// <summary>Every az call, one line each, arguments joined by spaces.</summary>
    public IReadOnlyList<string> Calls =>
        File.Exists(Path.Combine(Directory, "calls.log")) ? File.ReadAllLines(Path.Combine(Directory, "calls.log")) : [];

    /// <summary>The contents of the files given to <c>keyvault secret set --name</c> <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> Written(string name)
    {
        var folder = Path.Combine(Directory, "written");
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder, name + ".*").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    /// <summary>The answers, in order, to the command with this key: exit code, standard output, standard error.</summary>
    public FakeAz Answer(string key, params (int ExitCode, string Output, string Error)[] answers)
    {
        var lines = answers.Select(answer => $"{answer.ExitCode}\t{Field(answer.Output)}\t{Field(answer.Error)}");
        File.WriteAllText(Path.Combine(Directory, "answers", key), string.Join('\n', lines) + "\n");
        return this;
    }

    public HookRun Run(string shell, string script, IReadOnlyDictionary<string, string?> environment)
    {
        var start = shell == "pwsh"
            ? new ProcessStartInfo("dotnet") { ArgumentList = { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(InfraPaths.InfraDirectory, "scripts", script + ".ps1") } }
            : new ProcessStartInfo("bash") { ArgumentList = { Path.Combine(InfraPaths.InfraDirectory, "scripts", script + ".sh") } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        // `dotnet pwsh` finds the tool through the repository's manifest (dotnet-tools.json).
        start.WorkingDirectory = InfraPaths.RepositoryRoot;
        start.Environment["PATH"] = Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TETREADINESS_HOOK_RETRY_SECONDS"] = "0";
        start.Environment["TETREADINESS_HOOK_ATTEMPTS"] = "4";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {shell}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 2 minutes.");
        }

        return new HookRun(process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Field(string value) =>
        value.Length == 0 ? "-" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
