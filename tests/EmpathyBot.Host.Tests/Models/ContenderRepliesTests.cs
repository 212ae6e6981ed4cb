using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Host.Tests.Models;

/// <summary>
/// End to end, through the Direct Line endpoints Web Chat uses: a person answers a prompt, the baseline and a
/// fake-server LLM answer it in the background, and a moment later another person rates all three replies blind.
/// </summary>
public sealed class ContenderRepliesTests
{
    private const string LlmText = "Oh, that sounds like such a heavy day. I hope you can rest a little tonight.";

    [Fact]
    public async Task Person_answers_then_contenders_replies_can_be_rated_a_moment_later()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeResponse.Reply(LlmText, 150, 20) with { Delay = TimeSpan.FromMilliseconds(200) };
        var settings = FakeContenders.BaselineAndFakeLlm(llm);
        settings["Rating:RevealSource"] = "true"; // the thanks names the author, so the test can tell the sources apart
        await using var host = await BotHost.StartAsync(settings);

        var writer = new DirectLineClient(host.Client, "writer");
        await writer.StartAsync();
        var greeting = await writer.JoinAsync();
        var menu = await writer.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        var prompt = await writer.SubmitAsync(BotActivity.Button(menu, "Respond to a prompt"));
        Assert.Contains("They say", BotActivity.Text(prompt));
        var saved = await writer.SayAsync("I'm so sorry, that sounds exhausting. Be kind to yourself today.");
        Assert.Contains("Your reply is saved", BotActivity.Text(saved));

        var rater = new DirectLineClient(host.Client, "rater");
        await rater.StartAsync();
        var raterGreeting = await rater.JoinAsync();
        await rater.SubmitAsync(BotActivity.Button(raterGreeting, "I am 18 or older and agree"));

        // Rate until nothing is left; within a few seconds the contenders' replies join the human one.
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (seen.Count < 3 && DateTime.UtcNow < deadline)
        {
            var card = await rater.SayAsync("rate");
            var text = BotActivity.Text(card);
            if (!text.Contains("compared to how you would have responded", StringComparison.Ordinal))
            {
                await Task.Delay(100);
                continue;
            }

            var thanks = await rater.SubmitAsync(BotActivity.Button(card, "Good"));
            seen.Add(BotActivity.Text(thanks));
            if (text.Contains(LlmText, StringComparison.Ordinal)) Assert.Contains("fake-llm", BotActivity.Text(thanks));
        }

        Assert.Equal(3, seen.Count);
        Assert.Equal(1, llm.RequestCount);

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var sources = summary!["overall"]!["sources"]!.AsObject();
        foreach (var source in new[] { "human", "baseline", "fake-llm" })
        {
            Assert.True(sources.ContainsKey(source), $"summary lacks {source}: {sources.ToJsonString()}");
            Assert.Equal(1, (int)sources[source]!["ratings"]!);
            Assert.Equal(1, (int)sources[source]!["good"]!);
        }
    }
}
