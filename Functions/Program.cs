using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using TetReadiness.Demo;
using TetReadiness.Hosting;
using TetReadiness.Hosting.Local;

if (DemoSeeder.IsRequested(args))
{
    return await DemoSeeder.RunAsync(args);
}

if (LocalFunctionsHost.IsRequested(args))
{
    await LocalFunctionsHost.RunAsync(args);
    return 0;
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddTetReadiness(builder.Configuration);
builder.Services.AddTetReadinessTelemetry(builder.Configuration);
builder.Build().Run();
return 0;
