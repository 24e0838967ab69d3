using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using TetReadiness.Hosting;
using TetReadiness.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// After ConfigureFunctionsWebApplication, so the edge runs inside the ASP.NET Core integration and sees the request.
builder.UseMiddleware<HttpEdgeMiddleware>();
builder.Services.AddTetReadiness(builder.Configuration);
builder.Services.AddTetReadinessTelemetry(builder.Configuration);
builder.Build().Run();
