using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Testing.FakeOpenAi;

/// <summary>
/// A real OpenAI-compatible server (Kestrel on 127.0.0.1, random port) serving <c>POST /v1/chat/completions</c>, Azure's
/// <c>/openai/v1/chat/completions</c> and Azure's deployment route
/// <c>/openai/deployments/{deployment}/chat/completions?api-version=...</c>. Responses come from a script (queue first, then <see cref="Responder"/>); it counts requests in flight, overall and
/// per model, so tests can check a concurrency cap from the wire side.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, InFlight> _perModel = new(StringComparer.Ordinal);
    private readonly InFlight _all = new();
    private int _count;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. http://127.0.0.1:5123/ .</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What an OpenAI client's endpoint should be: http://127.0.0.1:PORT/v1 .</summary>
    public Uri V1 => new(BaseAddress, "v1");

    /// <summary>Answers requests when the script queue is empty. Default: a short empathetic reply.</summary>
    public Func<FakeRequest, FakeResponse> Responder { get; set; } =
        _ => FakeResponse.Reply("That sounds really hard. I'm glad you told me, and I hope things get easier soon.");

    /// <summary>
    /// The key Azure's deployment route demands in the <c>api-key</c> header; a request without it, or with another,
    /// gets Azure's 401. Null accepts any.
    /// </summary>
    public string? AzureApiKey { get; set; }

    /// <summary>Keep every request body (off for load runs).</summary>
    public bool RecordBodies { get; set; } = true;

    public int RequestCount => Volatile.Read(ref _count);

    public int MaxInFlight => _all.Max;

    public int InFlightNow => _all.Now;

    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public int MaxInFlightFor(string model) => _perModel.TryGetValue(model, out var c) ? c.Max : 0;

    public int RequestCountFor(string model) => _perModel.TryGetValue(model, out var c) ? c.Total : 0;

    /// <summary>Answers the next requests in order, before falling back to <see cref="Responder"/>.</summary>
    public FakeOpenAiServer Enqueue(params FakeResponse[] responses)
    {
        foreach (var r in responses) _script.Enqueue(r);
        return this;
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAzureDeploymentAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private Task HandleAzureDeploymentAsync(HttpContext http, string deployment) => HandleAsync(http, deployment);

    /// <summary>What Azure's deployment route answers without an api-version or with a wrong key; null lets the request through.</summary>
    private FakeResponse? AzureRefusal(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.Query["api-version"]))
            return new FakeResponse.Raw(404, "application/json", """{"error":{"code":"404","message":"Resource not found"}}""");
        if (AzureApiKey is { } key && !string.Equals(request.Headers["api-key"], key, StringComparison.Ordinal))
            return new FakeResponse.Raw(401, "application/json",
                """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}""");
        return null;
    }

    private Task HandleAsync(HttpContext http) => HandleAsync(http, deployment: null);

    private async Task HandleAsync(HttpContext http, string? deployment)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var model = deployment ?? ReadModel(body);
        var number = Interlocked.Increment(ref _count);
        var perModel = _perModel.GetOrAdd(model, _ => new InFlight());
        _all.Enter();
        perModel.Enter();
        try
        {
            var request = new FakeRequest(number, http.Request.Path, http.Request.Headers.Authorization, http.Request.Headers["api-key"],
                model, RecordBodies ? body : "", DateTimeOffset.UtcNow) { Query = http.Request.QueryString.Value ?? "" };
            if (RecordBodies) _requests.Enqueue(request);
            // Azure refuses before the model sees anything, so a refusal does not use up a scripted response.
            var response = (deployment is null ? null : AzureRefusal(http.Request))
                ?? (_script.TryDequeue(out var scripted) ? scripted : Responder(request));
            if (response.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(response.Delay, http.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }

            await WriteAsync(http.Response, response, model, number);
        }
        finally
        {
            perModel.Exit();
            _all.Exit();
        }
    }

    private static async Task WriteAsync(HttpResponse http, FakeResponse response, string model, int number)
    {
        switch (response)
        {
            case FakeResponse.Completion c:
                http.StatusCode = 200;
                http.Headers["x-request-id"] = $"req_{number}";
                await WriteJsonAsync(http, w => WriteCompletion(w, c, model, number));
                break;
            case FakeResponse.ErrorStatus e:
                http.StatusCode = e.Status;
                if (e.RetryAfter is not null) http.Headers.RetryAfter = e.RetryAfter;
                await WriteJsonAsync(http, w =>
                {
                    w.WriteStartObject("error");
                    w.WriteString("message", e.Status == 429 ? "Rate limit reached for requests. Please try again later." : "The server had an error while processing your request.");
                    w.WriteString("type", e.Status == 429 ? "requests" : "server_error");
                    w.WriteNull("param");
                    w.WriteString("code", e.Code);
                    w.WriteEndObject();
                });
                break;
            case FakeResponse.Raw raw:
                http.StatusCode = raw.Status;
                http.ContentType = raw.ContentType;
                await http.WriteAsync(raw.Body);
                break;
        }
    }

    private static void WriteCompletion(Utf8JsonWriter w, FakeResponse.Completion c, string model, int number)
    {
        w.WriteString("id", $"chatcmpl-fake{number:D8}");
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("model", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", c.Text);
        w.WriteNull("refusal");
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", c.FinishReason);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", c.PromptTokens);
        w.WriteNumber("completion_tokens", c.CompletionTokens);
        w.WriteNumber("total_tokens", c.PromptTokens + c.CompletionTokens);
        w.WriteStartObject("prompt_tokens_details");
        w.WriteNumber("cached_tokens", 0);
        w.WriteNumber("audio_tokens", 0);
        w.WriteEndObject();
        w.WriteStartObject("completion_tokens_details");
        w.WriteNumber("reasoning_tokens", 0);
        w.WriteNumber("audio_tokens", 0);
        w.WriteNumber("accepted_prediction_tokens", 0);
        w.WriteNumber("rejected_prediction_tokens", 0);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("service_tier", "default");
        w.WriteString("system_fingerprint", "fp_fake0001");
    }

    private static async Task WriteJsonAsync(HttpResponse http, Action<Utf8JsonWriter> write)
    {
        http.ContentType = "application/json";
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        await http.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static string ReadModel(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class InFlight
    {
        private int _now, _max, _total;

        public int Now => Volatile.Read(ref _now);

        public int Max => Volatile.Read(ref _max);

        public int Total => Volatile.Read(ref _total);

        public void Enter()
        {
            Interlocked.Increment(ref _total);
            var now = Interlocked.Increment(ref _now);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _now);
    }
}
