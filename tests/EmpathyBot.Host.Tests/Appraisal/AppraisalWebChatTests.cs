using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Appraisal;

/// <summary>The emotion appraisal through the Direct Line endpoints, as Web Chat drives it (cards and typed answers).</summary>
public sealed class AppraisalWebChatTests : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>The card's button data with an answer for each feeling the card asks, as Web Chat submits it.</summary>
    private static JsonNode Answers(IEnumerable<JsonObject> activities, string button, Func<int, int> value)
    {
        var data = BotActivity.Button(activities, button).DeepClone().AsObject();
        foreach (var input in Inputs(activities))
        {
            var id = (string)input["id"]!;
            data[id] = value(int.Parse(id["panas".Length..])).ToString();
        }

        return data;
    }

    private static IEnumerable<JsonObject> Inputs(IEnumerable<JsonObject> activities) =>
        activities.Select(BotActivity.Card).OfType<JsonObject>()
            .SelectMany(c => c.DescendantsOfType("Input.ChoiceSet"));

    [Fact]
    public async Task Panas_before_and_after_a_situation_shows_the_change_and_reaches_the_summary()
    {
        var chat = new DirectLineClient(host.Client, "appraiser");
        await chat.StartAsync();
        var greeting = await chat.JoinAsync();
        await chat.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));

        var first = await chat.SayAsync("appraisal");
        Assert.Contains("How do you feel right now", BotActivity.Text(first));
        var inputs = Inputs(first).ToArray();
        Assert.Equal(5, inputs.Length);
        Assert.Equal("panas1", (string?)inputs[0]["id"]);
        Assert.Equal("expanded", (string?)inputs[0]["style"]);
        Assert.Equal("5 extremely", (string?)inputs[0]["choices"]![4]!["title"]);

        var invalid = await chat.SubmitAsync(Answers(first, "Next", n => n == 1 ? 9 : 3));
        Assert.Contains("(Interested)", BotActivity.Text(invalid));

        var positive = new[] { 1, 3, 5, 9, 10, 12, 14, 16, 17, 19 };
        var second = invalid;
        foreach (var button in new[] { "Next", "Next", "Next", "Submit" })
            second = await chat.SubmitAsync(Answers(second, button, n => positive.Contains(n) ? 4 : 1));
        var secondText = BotActivity.Text(second);
        Assert.Contains("Imagine this is happening to you right now", secondText);
        Assert.Contains("part 2 of 2", secondText);

        var result = await chat.SayAsync(string.Join(' ', Enumerable.Range(1, 20).Select(n => positive.Contains(n) ? 2 : 3)));
        var text = BotActivity.Text(result);
        Assert.Contains("positive feelings changed by -20.0", text);
        Assert.Contains("negative feelings by +20.0", text);
        // One person is fewer than Privacy:MinGroupSize (5): their answers are not shown as people's average.
        Assert.Contains("fewer than 5 people so far", text);

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var human = summary!["appraisal"]!["sources"]!["human"]!;
        Assert.Equal(5, (int)summary["appraisal"]!["minGroupSize"]!);
        Assert.True((bool)human["default"]!["withheld"]!);
        Assert.Null(human["default"]!["paMean"]);
        Assert.True((bool)human["overall"]!["withheld"]!);
        Assert.Null(human["overall"]!["paChange"]);
        Assert.Null(human["overall"]!["naChange"]);
        Assert.Equal("none", (string?)human["overall"]!["paMark"]);
        Assert.Single(human["emotions"]!.AsObject());
        Assert.Equal(0.01, (double)summary["appraisal"]!["alpha"]!);
    }
}

internal static class CardNodes
{
    public static IEnumerable<JsonObject> DescendantsOfType(this JsonNode node, string type)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == type) yield return o;
                foreach (var (_, child) in o)
                {
                    if (child is null) continue;
                    foreach (var found in child.DescendantsOfType(type)) yield return found;
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>())
                {
                    foreach (var found in child.DescendantsOfType(type)) yield return found;
                }

                break;
        }
    }
}
