using TetReadiness.LocalHost;
using TetReadiness.LocalHost.Demo;

// As ./run.sh calls it: `--seed-demo` seeds the demo data and exits; anything else runs local mode
// (`--urls http://127.0.0.1:7071`; `--local` is still accepted).
if (DemoSeeder.IsRequested(args))
{
    return await DemoSeeder.RunAsync(args);
}

await LocalFunctionsHost.RunAsync(args);
return 0;
