using EmpathyBot.Services.Understanding;
using System.Globalization;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// The emotion-understanding quiz: N items one at a time, half SECEU-style allocations (split 10 points),
/// half EQ-Bench-style intensities (rate 0-10). At the end, the person's score, EQ and percentile per set, beside
/// people's average and each contender on the same items.
/// </summary>
public sealed class UnderstandingFlow(UnderstandingData data, IUnderstandingStore store, TimeProvider clock, CardClock cards, ResultsAccess results)
{
    public const string ItemKey = "item";
    public const string InputPrefix = "q";

    public async Task<(TurnResult Result, ParticipantState State)> StartAsync(CancellationToken ct)
    {
        var options = data.Options;
        var allocation = await data.GetSetAsync(options.AllocationSet, ct);
        var intensity = await data.GetSetAsync(options.IntensitySet, ct);
        if (allocation is null || intensity is null)
        {
            var missing = allocation is null ? options.AllocationSet : options.IntensitySet;
            return (TurnResult.Of(Menu.WithMenu($"The quiz is not available: the item set '{missing}' is missing.", Tone.Attention)), ParticipantState.Idle);
        }

        var allocations = options.QuizItems / 2;
        var items = Draw(allocation, allocations).Concat(Draw(intensity, options.QuizItems - allocations)).ToArray();
        var progress = new UnderstandingProgress("quiz-" + Guid.NewGuid().ToString("N")[..16], items, 0, []);
        return (TurnResult.Of(await CardAsync(progress, null, ct)), new ParticipantState(Understanding: progress));
    }

    private static IEnumerable<UnderstandingItemRef> Draw(UnderstandingSet set, int count) =>
        set.ItemIds.OrderBy(_ => Random.Shared.Next()).Take(count).Select(id => new UnderstandingItemRef(set.Name, id));

    /// <summary>The open item's card again; null when the quiz is over or its item set is gone.</summary>
    public async Task<Message?> ShowAsync(UnderstandingProgress progress, CancellationToken ct) =>
        progress.Index < progress.Items.Count && await data.GetSetAsync(progress.Items[progress.Index].Set, ct) is not null
            ? await CardAsync(progress, null, ct)
            : null;

    /// <summary>An answer from the card (<paramref name="values"/>) or typed as four numbers (<paramref name="text"/>).</summary>
    public async Task<(TurnResult Result, ParticipantState State)> SubmitAsync(
        string participant, UnderstandingProgress? progress, IReadOnlyDictionary<string, string>? values, string? text, CancellationToken ct)
    {
        if (progress is null || progress.Index >= progress.Items.Count)
            return (TurnResult.Of(Menu.WithMenu("That quiz is no longer open. Type quiz to start a new one.")), ParticipantState.Idle);

        var current = progress.Items[progress.Index];
        var set = await data.GetSetAsync(current.Set, ct);
        if (set is null || !set.Contains(current.ItemId))
            return (TurnResult.Of(Menu.WithMenu("That quiz item is no longer part of the study, so the quiz stops here.", Tone.Attention)), ParticipantState.Idle);

        if (values?.GetValueOrDefault(ItemKey) is { } shown && shown != progress.Index.ToString(CultureInfo.InvariantCulture))
            return (TurnResult.Of(await CardAsync(progress, "That card is from an earlier item; please answer this one.", ct)), new ParticipantState(Understanding: progress));

        var (answer, problem) = values is not null
            ? UnderstandingAnswerParser.FromInputs(Enumerable.Range(1, SeceuScorer.OptionCount).Select(n => values.GetValueOrDefault(InputPrefix + n)).ToArray(), set.Kind)
            : UnderstandingAnswerParser.ParseTyped(text, set.Kind);
        if (answer is null) return (TurnResult.Of(await CardAsync(progress, problem, ct)), new ParticipantState(Understanding: progress));

        var standard = await data.StandardAsync(set, current.ItemId, ct);
        var score = UnderstandingAnalysis.ItemScore(set, current.ItemId, answer, standard);
        await store.AddUnderstandingAnswerAsync(new UnderstandingAnswer($"{progress.TestId}|{progress.Index}", Sources.Human, participant,
            set.Name, current.ItemId, answer, score, clock.GetUtcNow()), ct);
        await cards.AnsweredAsync(participant, CardKinds.Quiz, CardClock.QuizItem(progress), ct);

        var next = progress with { Index = progress.Index + 1, Scores = [.. progress.Scores, score] };
        if (next.Index < next.Items.Count) return (TurnResult.Of(await CardAsync(next, null, ct)), new ParticipantState(Understanding: next));
        return (TurnResult.Of(await FinishAsync(participant, next, ct)), ParticipantState.Idle);
    }

    private async Task<Message> CardAsync(UnderstandingProgress progress, string? problem, CancellationToken ct)
    {
        var at = progress.Items[progress.Index];
        var set = await data.GetSetAsync(at.Set, ct) ?? throw new InvalidOperationException($"item set '{at.Set}' is missing");
        var blocks = new List<MessageBlock>();
        if (problem is not null) blocks.Add(new Paragraph(problem, Tone.Attention));
        blocks.Add(new Heading($"Emotion quiz, item {progress.Index + 1} of {progress.Items.Count}"));
        IReadOnlyList<string> options;
        string ask;
        if (set.IsAllocation)
        {
            var item = set.Allocation.First(i => i.Id == at.ItemId);
            options = item.Options;
            blocks.Add(new Quote("The story", item.Story));
            ask = "Split 10 points over these four emotions: the more likely the person feels an emotion, the more points it gets. The four numbers must add up to 10.";
        }
        else
        {
            var item = set.Intensity.First(i => i.Id == at.ItemId);
            options = item.Emotions;
            var who = string.IsNullOrWhiteSpace(item.Character) ? "the last speaker" : item.Character;
            blocks.Add(new Quote("The dialogue", item.Dialogue));
            ask = $"At the end of the dialogue, how strongly would {who} feel each emotion? Rate each from 0 (not at all) to 10 (extremely).";
        }

        blocks.Add(new Paragraph(ask));
        blocks.Add(new NumberInputs(options.Select((o, j) => new NumberInput(InputPrefix + (j + 1), o, 0, 10)).ToArray()));
        var order = string.Join(", ", options);
        blocks.Add(new Paragraph($"You can also type four numbers in this order: {order} (e.g. {(set.IsAllocation ? "4 3 2 1" : "7 2 0 5")}).", Tone.Subtle));
        var summary = (problem is null ? "" : problem + " ") + ask + $" Type four numbers for: {order}.";
        return new Message(summary, blocks,
        [
            new MessageAction("Submit", new Dictionary<string, string>
            {
                [ActionKeys.Action] = Commands.Quiz,
                [ItemKey] = progress.Index.ToString(CultureInfo.InvariantCulture),
            }, ActionStyle.Positive),
            MessageAction.Command("Cancel", Commands.Menu),
        ]);
    }

    private async Task<Message> FinishAsync(string participant, UnderstandingProgress progress, CancellationToken ct)
    {
        var blocks = new List<MessageBlock> { new Heading("Your emotion understanding") };
        var lines = new List<string>();
        // People's averages and the contenders' figures are study results: withheld unless the participant may see results.
        var compared = await results.ShownToAsync(participant, ct);
        foreach (var group in progress.Items.Select((item, k) => (item, score: progress.Scores[k])).GroupBy(x => x.item.Set, StringComparer.Ordinal))
        {
            if (await data.GetSetAsync(group.Key, ct) is not { } set) continue;
            var mine = group.Where(x => x.score is not null).ToDictionary(x => x.item.ItemId, x => x.score!.Value, StringComparer.Ordinal);
            if (UnderstandingAnalysis.TestScore(set.Kind, group.Select(x => x.score)) is not { } score) continue;

            // People's sample before this test joins it: the share of *others* who scored worse.
            var others = await store.GetUnderstandingScoresAsync(set.Name, Sources.Human, ct);
            await store.AddUnderstandingTestAsync(new UnderstandingTest($"{progress.TestId}|{set.Name}", Sources.Human, participant, set.Name,
                group.Count(), score, clock.GetUtcNow()), ct);
            var cells = (await data.PublishedTestCellsAsync(ct)).Where(c => c.Set == set.Name).ToArray();
            var people = cells.FirstOrDefault(c => Sources.IsHuman(c.Source));
            // People's figures need Privacy:MinGroupSize people; what this person is compared with needs that many besides them.
            var averageShown = people is not null && people.People >= data.MinGroupSize;
            var othersShown = people is not null && people.People - 1 >= data.MinGroupSize;
            var norm = UnderstandingAnalysis.Norm(set, averageShown ? people : null, data.Options.MinNorm);
            var sample = UnderstandingAnalysis.Sample(set, othersShown ? others : []);
            var stats = await store.GetUnderstandingItemStatsAsync(set.Name, ct);
            var templateStats = othersShown ? stats : stats.Where(s => !Sources.IsHuman(s.Source)).ToArray();
            var r = UnderstandingAnalysis.PatternR(mine, UnderstandingAnalysis.Template(set, templateStats, mine, data.MinGroupSize));

            var own = new OwnQuizResult(set, score, ScoreInterval.Of(set.Kind, [.. group.Select(x => x.score).OfType<double>()]), norm, sample);
            var rows = new List<IReadOnlyList<string>> { own.Row() };
            if (compared)
            {
                if (averageShown && people?.Mean is { } peopleMean) rows.Add(Row($"People (average of {people.N})", peopleMean, UnderstandingAnalysis.Eq(set.Kind, peopleMean, norm), null));
                else rows.Add([$"People (fewer than {data.MinGroupSize} so far)", "–", "–", "–"]);
                foreach (var source in stats.Where(s => !Sources.IsHuman(s.Source)).Select(s => s.Source).Distinct().Order(StringComparer.Ordinal))
                {
                    var theirs = mine.Keys.Select(id => stats.FirstOrDefault(s => s.Source == source && s.ItemId == id)?.MeanScore).ToArray();
                    if (theirs.Any(t => t is null) || UnderstandingAnalysis.TestScore(set.Kind, theirs) is not { } their) continue;
                    rows.Add(Row(Sources.DisplayName(source), their, UnderstandingAnalysis.Eq(set.Kind, their, norm),
                        UnderstandingAnalysis.Percentile(set.Kind, their, sample)));
                }
            }

            var measure = set.IsAllocation
                ? "SECEU score: mean distance from the standard answer (lower is better)"
                : "EQ-Bench score: 0-100 (higher is better)";
            blocks.Add(new Heading($"{(set.IsAllocation ? "Splitting points (SECEU-style items)" : "Rating intensities (EQ-Bench-style items)")}: {own.ItemsLine}"));
            blocks.Add(new Table(["Who", "Score", "EQ", "Percentile"], rows));
            var normText = norm is null
                ? $"EQ appears once {data.Options.MinNorm} people have taken this part."
                : $"EQ puts the score on a scale where {NormName(norm)} average 100 and most score between 85 and 115.";
            var privacy = !compared ? " " + results.OthersWithheld()
                : othersShown ? "" : $" People's average and percentiles appear once {data.MinGroupSize} people have taken this part.";
            blocks.Add(new Paragraph(own.Uncertainty()));
            blocks.Add(new Paragraph($"{measure}. {normText} Percentile = share of people who scored worse.{privacy}" +
                (r is { } rv ? $" How closely your answers follow people's pattern, from -1 (opposite) to 1 (the same): {F(rv)}." : ""), Tone.Subtle));
            lines.Add(own.Line());
        }

        var text = lines.Count == 0 ? "Thank you! None of your answers could be scored." : "Thank you! Your results: " + string.Join("; ", lines) + ".";
        blocks.Insert(0, new Paragraph(text, Tone.Good));
        return new Message(text, blocks, Menu.Actions);
    }

    private static IReadOnlyList<string> Row(string who, double score, double? eq, double? percentile) =>
    [
        who,
        F(score),
        eq is { } e ? Figures.Whole(e) : "–",
        percentile is { } p ? Figures.Whole(p) + "%" : "–",
    ];

    private static string NormName(UnderstandingNorm norm) => norm.Source switch
    {
        "people" => "the people in this study",
        "imported" => "the people of an imported reference group",
        _ => "the people of the published SECEU norm (provisional until enough people answer)",
    };

    private static string F(double value) => Figures.Score(value);
}
