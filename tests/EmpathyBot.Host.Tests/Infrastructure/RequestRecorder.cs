using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Host.Tests.Infrastructure;

/// <summary>
/// A Kestrel server at a free loopback port that answers every request with a 1×1 GIF and remembers its path:
/// the tracker an attacker would point a participant's reply at.
/// </summary>
public sealed class RequestRecorder : IAsyncDisposable
{
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> paths;

    private RequestRecorder(WebApplication app, ConcurrentQueue<string> paths, Uri baseAddress)
    {
        this.app = app;
        this.paths = paths;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Every path requested so far, in order.</summary>
    public IReadOnlyList<string> Paths => paths.ToArray();

    public static async Task<RequestRecorder> StartAsync()
    {
        var paths = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            paths.Enqueue(context.Request.Path.Value ?? "/");
            context.Response.ContentType = "image/gif";
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return context.Response.Body.WriteAsync(Pixel).AsTask();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RequestRecorder(app, paths, new Uri(address.TrimEnd('/') + "/"));
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
