using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using TetReadiness.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddTetReadiness(builder.Configuration);
builder.Services.AddTetReadinessTelemetry(builder.Configuration);
builder.Build().Run();
