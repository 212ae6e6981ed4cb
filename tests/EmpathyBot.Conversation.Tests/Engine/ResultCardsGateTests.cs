using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>
/// Study:ShowResults on the quiz and feelings-check result cards: while results are withheld the participant gets their
/// own result only, never people's averages or the contenders' figures beside it.
/// </summary>
public sealed class ResultCardsGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A contender's quiz answer to every item of both banks and a contender's feelings check on every emotion, so each has figures to show.</summary>
    private static async Task<EngineHarness> StudyAsync(string showResults)
    {
        var h = new EngineHarness(settings: new Dictionary<string, string?>
        {
            ["Study:ShowResults"] = showResults,
            ["Privacy:MinGroupSize"] = "1",
            ["Understanding:QuizItems"] = "1",
            ["Data:Directory"] = Path.Combine(RepositoryRoot(), "data"),
        });
        await h.ConsentAsync("ann");
        return h;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(TurnResult result) =>
        Assert.Single(result.Replies.SelectMany(m => m.Blocks).OfType<Table>()).Rows;

    private static async Task<TurnResult> FeelingsCheckAsync(EngineHarness h)
    {
        await h.SayAsync("ann", "appraisal");
        await h.SayAsync("ann", string.Join(' ', Enumerable.Repeat("3", 20)));
        return await h.SayAsync("ann", string.Join(' ', Enumerable.Repeat("2", 20)));
    }

    /// <summary>The emotions of our feelings-check situations (data/appraisal/situations.json).</summary>
    private static readonly string[] SituationEmotions = ["Anger", "Anxiety", "Depression", "Frustration", "Jealousy", "Guilt", "Fear", "Embarrassment"];

    private static async Task AddContenderAppraisalAsync(EngineHarness h)
    {
        foreach (var emotion in SituationEmotions)
        {
            await h.Store.AddAppraisalAnswerAsync(new AppraisalAnswer($"gpt-{emotion}", "gpt", null, AppraisalConditions.Evoked, emotion, "f", "core", null,
                new PanasScore(40, 40), [.. Enumerable.Repeat(4, 20)], T0));
        }

        await h.Store.AddAppraisalAnswerAsync(new AppraisalAnswer("gpt-default", "gpt", null, AppraisalConditions.Default, "", "", null, null,
            new PanasScore(30, 30), [.. Enumerable.Repeat(3, 20)], T0));
    }

    [Theory]
    [InlineData("never", "not shown during this study")]
    [InlineData("afterCompletion", "shown once you have completed the study")]
    public async Task The_feelings_check_result_shows_only_the_participants_own_change_while_results_are_withheld(string showResults, string told)
    {
        await using var h = await StudyAsync(showResults);
        await AddContenderAppraisalAsync(h);

        var result = await FeelingsCheckAsync(h);

        Assert.Equal([["You", "-10.0", "-10.0", "1"]], Rows(result));
        Assert.Contains("Your positive feelings changed by -10.0", EngineHarness.Text(result));
        Assert.Contains(told, EngineHarness.Text(result));
    }

    [Fact]
    public async Task With_results_shown_the_feelings_check_result_compares_with_people_and_contenders()
    {
        await using var h = await StudyAsync("always");
        await AddContenderAppraisalAsync(h);

        var who = Rows(await FeelingsCheckAsync(h)).Select(r => r[0]).ToList();

        Assert.Equal("You", who[0]);
        Assert.Contains("People (average)", who);
        Assert.Contains(who, w => w.Contains("gpt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("never", 1)]
    [InlineData("afterCompletion", 1)]
    [InlineData("always", 2)]
    public async Task The_quiz_result_shows_people_s_average_only_when_results_are_shown(string showResults, int rows)
    {
        await using var h = await StudyAsync(showResults);

        await h.SayAsync("ann", "quiz");
        var result = await h.SayAsync("ann", "3 3 2 2");

        var table = Rows(result);
        Assert.Equal(rows, table.Count);
        Assert.Equal("You", table[0][0]);
        Assert.Equal(showResults != "always", table.All(r => !r[0].StartsWith("People", StringComparison.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmpathyBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (EmpathyBot.sln) is not above the test binaries.");
    }
}
