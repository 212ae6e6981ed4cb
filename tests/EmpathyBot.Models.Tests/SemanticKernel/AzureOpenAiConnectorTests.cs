using EmpathyBot.Models.Running;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Models.Tests.SemanticKernel;

/// <summary>
/// <c>Provider: AzureOpenAI</c> over HTTP against the fake server on 127.0.0.1: the resource URL and deployment name go
/// through SK's Azure connector; an Endpoint that names the resource's <c>/openai/v1</c> path keeps the OpenAI client.
/// </summary>
public sealed class AzureOpenAiConnectorTests
{
    private const string Key = "azure-resource-key";

    [Fact]
    public async Task Resource_url_and_deployment_go_through_the_azure_connector_with_the_api_key_header()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.AzureApiKey = Key;
        server.Enqueue(FakeResponse.Reply("That sounds exhausting; I'm sorry you went through it.", 88, 12));
        await using var h = await StartAsync(server, server.BaseAddress.ToString().TrimEnd('/'));
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("azure-gpt"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        Assert.Equal("That sounds exhausting; I'm sorry you went through it.", outcome.Reply!.Text);
        Assert.Equal((88, 12), (outcome.Reply.Model!.PromptTokens, outcome.Reply.Model.CompletionTokens));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/my-gpt-4o/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query);
        Assert.Equal(Key, request.ApiKeyHeader);
        Assert.Contains($"Speaker Utterance: {prompt.Utterance}", request.UserMessage);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_the_deployment_route_and_recorded_without_retries()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.AzureApiKey = "another-key";
        await using var h = await StartAsync(server, server.BaseAddress.ToString());
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("azure-gpt"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Failed, outcome.Status);
        Assert.Equal(Key, Assert.Single(server.Requests).ApiKeyHeader);
        var failure = Assert.Single(await h.Store.GetModelFailuresAsync("azure-gpt"));
        Assert.StartsWith("HTTP 401", failure.Error);
        Assert.Equal(1, failure.Attempts);
    }

    [Fact]
    public async Task Transient_azure_errors_go_through_the_retry_policy()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.AzureApiKey = Key;
        server.Enqueue(FakeResponse.Error(503), FakeResponse.Reply("I'm here for you."));
        await using var h = await StartAsync(server, server.BaseAddress.ToString());
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("azure-gpt"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.All(server.Requests, r => Assert.Equal("/openai/deployments/my-gpt-4o/chat/completions", r.Path));
    }

    [Theory]
    [InlineData("openai/v1")]
    [InlineData("openai/v1/")]
    public async Task An_openai_v1_endpoint_keeps_the_openai_client_route(string path)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var h = await StartAsync(server, new Uri(server.BaseAddress, path).ToString());
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("azure-gpt"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("my-gpt-4o", request.Model);
        Assert.Equal(Key, request.ApiKeyHeader);
    }

    private static Task<ModelsHarness> StartAsync(FakeOpenAiServer server, string endpoint) =>
        ModelsHarness.StartAsync(server, extra:
        [
            ("Contenders:1:Id", "azure-gpt"),
            ("Contenders:1:Provider", "AzureOpenAI"),
            ("Contenders:1:Model", "my-gpt-4o"),
            ("Contenders:1:Endpoint", endpoint),
            ("Contenders:1:ApiKey", Key),
        ]);
}
