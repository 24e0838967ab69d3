using TetReadiness.Benchmarks;

// ./bench.sh runs this after a Release build; see docs/benchmarks.md for what it measures and why.
var options = BenchOptions.Parse(args);
var run = new BenchRun(options);
var results = await run.RunAsync();
await File.WriteAllTextAsync(options.Output, Report.Markdown(results, options));
Console.WriteLine($"Wrote {options.Output}");
