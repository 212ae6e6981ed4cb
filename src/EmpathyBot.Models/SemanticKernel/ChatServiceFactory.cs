using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using EmpathyBot.Models.Configuration;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace EmpathyBot.Models.SemanticKernel;

/// <summary>Builds the Semantic Kernel chat service for a contender, with our HttpClient and no SDK retries.</summary>
internal static class ChatServiceFactory
{
    public static HttpClient CreateHttpClient(ContenderOptions options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = int.MaxValue })
        {
            // Our per-attempt token fires first; this only backs it up.
            Timeout = options.Timeout + TimeSpan.FromSeconds(5),
        };

    public static IChatCompletionService Create(ContenderOptions options, HttpClient http)
    {
        // Local servers accept any key; the SDKs insist on a non-empty one.
        var key = options.ResolveApiKey() is { Length: > 0 } k ? k : "not-needed";
        return UsesAzureDeployments(options) ? CreateAzure(options, http, key) : CreateOpenAi(options, http, key);
    }

    /// <summary>
    /// Azure resources are asked through the Azure connector (<c>/openai/deployments/{Model}/chat/completions</c>), as
    /// Azure users configure them: the resource URL and the deployment name. An Endpoint that already names the
    /// resource's OpenAI-compatible <c>/openai/v1</c> path keeps going through the OpenAI client.
    /// </summary>
    public static bool UsesAzureDeployments(ContenderOptions options) =>
        options.Kind == ContenderProvider.AzureOpenAI && !IsAzureV1(options.Endpoint);

    private static IChatCompletionService CreateAzure(ContenderOptions options, HttpClient http, string key)
    {
        var clientOptions = new AzureOpenAIClientOptions();
        Configure(clientOptions, http);
        var client = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(key), clientOptions);
        return new AzureOpenAIChatCompletionService(options.Model, client);
    }

    private static IChatCompletionService CreateOpenAi(ContenderOptions options, HttpClient http, string key)
    {
        var clientOptions = new OpenAIClientOptions();
        Configure(clientOptions, http);
        if (Endpoint(options) is { } endpoint) clientOptions.Endpoint = endpoint;
        if (options.Kind == ContenderProvider.AzureOpenAI)
            clientOptions.AddPolicy(new AzureKeyHeaderPolicy(key), PipelinePosition.PerCall);

        var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
        return new OpenAIChatCompletionService(options.Model, client);
    }

    private static void Configure(ClientPipelineOptions clientOptions, HttpClient http)
    {
        clientOptions.Transport = new HttpClientPipelineTransport(http);
        // ModelRetryPolicy (backoff, jitter, Retry-After, failure records) must be the only retry.
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        clientOptions.NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan;
        switch (clientOptions)
        {
            case OpenAIClientOptions openAi: openAi.UserAgentApplicationId = "EmpathyBot"; break;
            case AzureOpenAIClientOptions azure: azure.UserAgentApplicationId = "EmpathyBot"; break;
        }
    }

    /// <summary>
    /// The OpenAI-style base URL the OpenAI client appends <c>chat/completions</c> to. Azure resources get their
    /// <c>/openai/v1/</c> path, which serves the same deployments as the Azure connector's route, so a contender's cache
    /// identity does not depend on the route.
    /// </summary>
    public static Uri? Endpoint(ContenderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint)) return null;
        var uri = new Uri(options.Endpoint.TrimEnd('/') + "/");
        if (options.Kind == ContenderProvider.AzureOpenAI && !uri.AbsolutePath.Contains("/openai/v1", StringComparison.OrdinalIgnoreCase))
            uri = new Uri(uri, "openai/v1/");
        return uri;
    }

    private static bool IsAzureV1(string? endpoint) =>
        endpoint is not null && endpoint.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase);

    /// <summary>Azure accepts its <c>api-key</c> header on the v1 endpoint; the SDK sends only the bearer token.</summary>
    private sealed class AzureKeyHeaderPolicy(string key) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", key);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", key);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
