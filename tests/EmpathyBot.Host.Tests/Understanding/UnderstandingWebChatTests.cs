using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmpathyBot.Host.Tests.Appraisal;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Models.Understanding;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Host.Tests.Understanding;

/// <summary>
/// End to end: a fake-server LLM runs both item sets, then a person takes a short quiz in the web chat
/// (card and typed answers, with invalid ones sent back), sees their EQ beside the contender, and both reach /api/summary.
/// </summary>
public sealed partial class UnderstandingWebChatTests
{
    [GeneratedRegex(@"^(\w+): <score>", RegexOptions.Multiline)]
    private static partial Regex ScoreLine();

    /// <summary>Allocation prompts get "4 3 2 1"; intensity prompts get every requested emotion rated 5.</summary>
    private static FakeResponse Answer(FakeRequest request)
    {
        var prompt = request.UserMessage;
        if (prompt.Contains("Split exactly 10 points", StringComparison.Ordinal)) return FakeResponse.Reply("4 3 2 1");
        return FakeResponse.Reply(string.Join("\n", ScoreLine().Matches(prompt).Select(m => m.Groups[1].Value + ": 5")));
    }

    private static JsonNode Inputs(IEnumerable<JsonObject> card, params int[] values)
    {
        var data = BotActivity.Button(card, "Submit").DeepClone().AsObject();
        for (var n = 1; n <= values.Length; n++) data["q" + n] = values[n - 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }

    [Fact]
    public async Task Person_takes_a_quiz_sees_their_EQ_and_both_they_and_a_contender_reach_the_summary()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = Answer;
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Understanding:QuizItems"] = "2",
            ["Contenders:0:Id"] = "fake-llm",
            ["Contenders:0:Provider"] = "OpenAICompatible",
            ["Contenders:0:Model"] = "fake-model",
            ["Contenders:0:Endpoint"] = llm.V1.ToString(),
            ["Contenders:0:Timeout"] = "00:00:05",
        });

        var runner = host.Get<UnderstandingRunner>();
        var allocationRun = await runner.RunAsync("fake-llm", "allocation", null, CancellationToken.None);
        var intensityRun = await runner.RunAsync("fake-llm", "intensity", null, CancellationToken.None);
        Assert.Equal((24, 0, 0), (allocationRun.Answered, allocationRun.Failed, allocationRun.Unscored));
        Assert.Equal((24, 0, 0), (intensityRun.Answered, intensityRun.Failed, intensityRun.Unscored));
        Assert.NotNull(allocationRun.Score);
        Assert.All(llm.Requests.Where(r => !r.UserMessage.Contains("Split exactly", StringComparison.Ordinal)),
            r => Assert.Equal(0.01, r.Json.GetProperty("temperature").GetDouble(), 6));

        var chat = new DirectLineClient(host.Client, "quiz-taker");
        await chat.StartAsync();
        var greeting = await chat.JoinAsync();
        var menu = await chat.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));

        var first = await chat.SubmitAsync(BotActivity.Button(menu, "Quiz"));
        var firstText = BotActivity.Text(first);
        Assert.Contains("item 1 of 2", firstText);
        Assert.Contains("Split 10 points", firstText);
        Assert.Equal(4, first.Select(BotActivity.Card).OfType<JsonObject>().SelectMany(c => c.DescendantsOfType("Input.Number")).Count());

        var notTen = await chat.SubmitAsync(Inputs(first, 4, 4, 2, 2));
        Assert.Contains("must add up to 10; yours add up to 12", BotActivity.Text(notTen));
        Assert.Contains("item 1 of 2", BotActivity.Text(notTen));

        var second = await chat.SayAsync("3 3 2 2");
        Assert.Contains("item 2 of 2", BotActivity.Text(second));
        Assert.Contains("Rate each from 0", BotActivity.Text(second));

        var notNumbers = await chat.SayAsync("very much");
        Assert.Contains("exactly four numbers", BotActivity.Text(notNumbers));
        var outOfRange = await chat.SayAsync("11 0 0 0");
        Assert.Contains("from 0 to 10", BotActivity.Text(outOfRange));
        Assert.Contains("item 2 of 2", BotActivity.Text(outOfRange));

        var result = await chat.SubmitAsync(Inputs(outOfRange, 5, 5, 5, 5));
        var text = BotActivity.Text(result);
        // One item of each kind: a score, but too few items for an EQ, which is never given bare.
        Assert.Contains("Your results: 1 SECEU-style item: score", text);
        Assert.DoesNotMatch(@"EQ \d", text);
        Assert.Contains("This part rests on 1 item of 24: too few to estimate an EQ or a percentile, so none is given.", text);
        // One rounding rule: the headline's score is the table's, digit for digit.
        foreach (var part in new[] { "SECEU", "EQ-Bench" })
        {
            var headline = System.Text.RegularExpressions.Regex.Match(text, part + @"-style item: score (\d+\.\d+)").Groups[1].Value;
            Assert.NotEmpty(headline);
            Assert.Matches(@"You\s+" + System.Text.RegularExpressions.Regex.Escape(headline) + @"\s", text);
        }
        Assert.Contains("published SECEU norm", text);
        Assert.Contains("fake-llm", text);
        // One person is fewer than Privacy:MinGroupSize (5): no people's average, and no percentile against them.
        Assert.Contains("People (fewer than 5 so far)", text);
        Assert.Contains("People's average and percentiles appear once 5 people have taken this part.", text);

        var summary = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["understanding"]!;
        Assert.Equal(30, (int)summary["minNorm"]!);
        var allocation = summary["sets"]!["allocation"]!;
        Assert.Equal("seceu", (string?)allocation["measure"]);
        Assert.Equal(1, (int)allocation["humans"]!["n"]!);
        Assert.Equal(1, (int)allocation["humans"]!["people"]!);
        Assert.True((bool)allocation["humans"]!["withheld"]!);
        Assert.Null(allocation["humans"]!["mean"]);
        Assert.Equal("published", (string?)allocation["norm"]!["source"]);
        var contender = allocation["contenders"]!["fake-llm"]!;
        Assert.Equal(24, (int)contender["items"]!);
        Assert.Equal(allocationRun.Score!.Value, (double)contender["score"]!, 9);
        Assert.Equal(15 * (2.79 - allocationRun.Score.Value) / 0.822 + 100, (double)contender["eq"]!, 9);
        Assert.Null(contender["percentile"]);

        var intensity = summary["sets"]!["intensity"]!;
        Assert.Equal(1, (int)intensity["humans"]!["n"]!);
        Assert.Equal(intensityRun.Score!.Value, (double)intensity["contenders"]!["fake-llm"]!["score"]!, 9);
        Assert.Null(intensity["norm"]);
    }

    [Fact]
    public async Task A_persons_own_result_comes_with_how_many_items_and_the_range_it_is_likely_in()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Understanding:QuizItems"] = "6",
            ["Contenders:0:Enabled"] = "false",
        });
        var chat = new DirectLineClient(host.Client, "quiz-taker");
        await chat.StartAsync();
        await chat.SubmitAsync(BotActivity.Button(await chat.JoinAsync(), "I am 18 or older and agree"));

        await chat.SayAsync("quiz");
        IReadOnlyList<JsonObject> result = [];
        foreach (var answer in new[] { "4 3 2 1", "1 2 3 4", "7 1 1 1", "5 5 5 5", "0 10 2 7", "9 9 1 0" }) result = await chat.SayAsync(answer);
        var text = BotActivity.Text(result);

        Assert.Contains("Splitting points (SECEU-style items): 3 of 24 items", text);
        Assert.Contains("Rating intensities (EQ-Bench-style items): 3 of 24 items", text);
        Assert.Contains("A rough indication from 3 of 24 items, not a test result", text);
        // SECEU's published norm gives an EQ, only ever as a range, placed in plain words. The quiz draws its items at
        // random, so the figures vary; when few items are answered badly a range's end can fall past 40 or 160, and
        // then the bound is named instead of an EQ that means nothing (a negative one, say).
        const string Eq = @"(\d+ to \d+|\d+ or lower|\d+ or higher|below 40|above 160|anywhere from below 40 to above 160)";
        Assert.Matches(@"Your EQ is likely (between \d+ and \d+|\d+ or lower|\d+ or higher|below 40|above 160|anywhere from below 40 to above 160): [a-z ]+typical range \(85 to 115\)", text);
        Assert.Matches(@"3 SECEU-style items: score -?\d+\.\d \(likely -?\d+\.\d to -?\d+\.\d\), EQ likely " + Eq, text);
        Assert.Matches(@"You\s+-?\d+\.\d \(-?\d+\.\d to -?\d+\.\d\)\s+" + Eq, text);
        Assert.DoesNotMatch(@"EQ \d", text);
    }
}
