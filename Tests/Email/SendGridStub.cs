using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Tests.Email;

/// <summary>
/// A stand-in for the SendGrid API on a free loopback port (Kestrel): records every request and answers each with
/// <see cref="StatusCode"/>, with an error body like SendGrid's when it is not a success.
/// </summary>
public sealed class SendGridStub : IAsyncDisposable
{
    private readonly WebApplication app;

    private SendGridStub(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>What <c>SendGrid__Host</c> is set to, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    public int StatusCode { get; set; } = StatusCodes.Status202Accepted;

    /// <summary>The body of an error answer, when a test needs SendGrid's words (which may name recipients).</summary>
    public string? ErrorBody { get; set; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public static async Task<SendGridStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SendGridStub? stub = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            stub!.Requests.Enqueue(new CapturedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                body.ToArray()));
            context.Response.StatusCode = stub.StatusCode;
            if (stub.StatusCode >= 300)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    stub.ErrorBody ?? $$"""{"errors":[{"message":"stub answered {{stub.StatusCode}}","field":null,"help":null}]}""", context.RequestAborted);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new SendGridStub(app, address);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
