using EmpathyBot.Services.Appraisal;
using System.Globalization;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// EmotionBench's appraisal for people: the 20 PANAS items for how they feel now, then again after imagining one
/// situation; they see their PA/NA change beside people's average and each contender's for that emotion.
/// </summary>
public sealed class AppraisalFlow(AppraisalData data, IAppraisalStore store, TimeProvider clock, CardClock cards, ResultsAccess results)
{
    public const string StepKey = "step";
    public const string PageKey = "page";
    public const string InputPrefix = "panas";

    public async Task<(TurnResult Result, ParticipantState State)> StartAsync(CancellationToken ct)
    {
        var bank = await data.GetSetAsync(null, ct);
        if (bank is null || bank.Situations.Count == 0)
        {
            return (TurnResult.Of(Menu.WithMenu($"The emotion check is not available: the situation set '{data.DefaultSet}' is missing.", Tone.Attention)),
                ParticipantState.Idle);
        }

        var progress = new AppraisalProgress(AppraisalProgress.BeforeStep, data.DefaultSet, PassId: Guid.NewGuid().ToString("N")[..16]);
        return (TurnResult.Of(Card(progress, null, null, null)), new ParticipantState(Appraisal: progress));
    }

    /// <summary>The open card again, with the answers given on it so far.</summary>
    public async Task<Message> ShowAsync(AppraisalProgress progress, CancellationToken ct) =>
        Card(progress, await SituationOf(progress, ct), null, progress.Answers?.ToArray());

    /// <summary>One card's answers (<paramref name="values"/>), or typed numbers for this card or for all 20 (<paramref name="text"/>).</summary>
    public async Task<(TurnResult Result, ParticipantState State)> SubmitAsync(
        string participant, AppraisalProgress? progress, IReadOnlyDictionary<string, string>? values, string? text, CancellationToken ct)
    {
        if (progress is null)
        {
            return (TurnResult.Of(Menu.WithMenu("That questionnaire is no longer open. Type appraisal to start a new emotion check.")), ParticipantState.Idle);
        }

        var situation = await SituationOf(progress, ct);
        if (values is not null && (values.GetValueOrDefault(StepKey) != progress.Step || values.GetValueOrDefault(PageKey) is { } page && page != PageText(progress)))
        {
            return Ask(progress, situation, "That card is from an earlier step; please answer this one.", null);
        }

        var current = progress.Answers?.ToArray() ?? new int?[PanasScale.ItemCount];
        var (answers, problem, shown) = values is not null ? FromCard(progress, values, current) : FromText(progress, text, current);
        if (problem is not null) return Ask(progress, situation, problem, shown);
        if (answers is null)
        {
            var next = progress with { Page = progress.Page + 1, Answers = current };
            return Ask(next, situation, null, null);
        }

        var score = data.Scale.Score(answers);
        if (progress.Step == AppraisalProgress.BeforeStep)
        {
            await store.AddAppraisalAnswerAsync(Answer(participant, AppraisalConditions.Default, null, progress.Set, answers, score), ct);
            await cards.AnsweredAsync(participant, CardKinds.Appraisal, CardClock.AppraisalItem(progress), ct);
            var bank = await data.GetSetAsync(progress.Set, ct);
            if (bank is null || bank.Situations.Count == 0)
                return (TurnResult.Of(Menu.WithMenu("Thanks. The situation set is no longer available, so the check stops here.")), ParticipantState.Idle);
            var chosen = bank.Situations[Random.Shared.Next(bank.Situations.Count)];
            var after = new AppraisalProgress(AppraisalProgress.AfterStep, progress.Set, chosen.Id, answers, PassId: progress.PassId);
            return Ask(after, chosen, null, null);
        }

        if (situation is null)
            return (TurnResult.Of(Menu.WithMenu("That situation is no longer part of the study, so your answers were not stored.")), ParticipantState.Idle);
        await store.AddAppraisalAnswerAsync(Answer(participant, AppraisalConditions.Evoked, situation, progress.Set, answers, score), ct);
        await cards.AnsweredAsync(participant, CardKinds.Appraisal, CardClock.AppraisalItem(progress), ct);
        var before = progress.Before is { Count: PanasScale.ItemCount } b ? data.Scale.Score(b) : null;
        var result = await results.ShownToAsync(participant, ct) ? await ResultAsync(situation, before, score, ct) : OwnResult(situation, before, score);
        return (TurnResult.Of(result), ParticipantState.Idle);
    }

    private (TurnResult Result, ParticipantState State) Ask(AppraisalProgress progress, Situation? situation, string? problem, int?[]? shown) =>
        (TurnResult.Of(Card(progress, situation, problem, shown)), new ParticipantState(Appraisal: progress));

    private static string PageText(AppraisalProgress progress) => progress.Page.ToString(CultureInfo.InvariantCulture);

    private static int Pages => PanasScale.ItemCount / AppraisalProgress.PageSize;

    private static IEnumerable<int> ItemsOn(int page) => Enumerable.Range(page * AppraisalProgress.PageSize + 1, AppraisalProgress.PageSize);

    private async Task<Situation?> SituationOf(AppraisalProgress progress, CancellationToken ct) =>
        progress.SituationId is { } id && await data.GetSetAsync(progress.Set, ct) is { } bank ? bank.Find(id) : null;

    private AppraisalAnswer Answer(string participant, string condition, Situation? situation, string? set, IReadOnlyList<int> answers, PanasScore score) =>
        new(ReplyIds.NewHuman(), Sources.Human, participant, condition, situation?.Emotion ?? "", situation?.Factor ?? "",
            situation is null ? null : set, situation?.Id, score, answers, clock.GetUtcNow());

    /// <summary>
    /// The items of the open card go into <paramref name="current"/>. Returns all 20 answers once the step is complete,
    /// or a problem with what to show again, or neither when the next card is due.
    /// </summary>
    private (int[]? Answers, string? Problem, int?[]? Shown) FromCard(AppraisalProgress progress, IReadOnlyDictionary<string, string> values, int?[] current)
    {
        var shown = (int?[])current.Clone();
        var bad = new List<int>();
        foreach (var n in ItemsOn(progress.Page))
        {
            if (values.TryGetValue(InputPrefix + n, out var raw)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && v == Math.Floor(v) && v is >= PanasScale.Min and <= PanasScale.Max)
                shown[n - 1] = (int)v;
            else bad.Add(n);
        }

        if (bad.Count > 0)
        {
            var names = string.Join(", ", bad.Select(n => data.Scale.Items[n - 1].Word));
            return (null, $"Please choose an answer from 1 to 5 for every feeling; {bad.Count} {(bad.Count == 1 ? "was" : "were")} missing or invalid ({names}).", shown);
        }

        shown.CopyTo(current, 0);
        return (Completed(progress, current), null, null);
    }

    /// <summary>Typed: all 20 numbers at once, or the numbers for the open card's items.</summary>
    private (int[]? Answers, string? Problem, int?[]? Shown) FromText(AppraisalProgress progress, string? text, int?[] current)
    {
        var tokens = (text ?? "").Split([' ', ',', ';', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var words = string.Join(", ", ItemsOn(progress.Page).Select(n => data.Scale.Items[n - 1].Word));
        var expected = $"Choose 1 to 5 for each feeling on the card, or type {AppraisalProgress.PageSize} numbers from 1 to 5 for {words}" +
            $" (or all {PanasScale.ItemCount} in the order shown), e.g. 3 1 4 2 5.";
        if (tokens.Length == 0 || !tokens.Any(t => t.All(char.IsDigit)))
            return (null, "That is not an answer to the feelings check. " + expected, current);

        if (tokens.Length == AppraisalProgress.PageSize)
        {
            var page = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                if (!int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out page[i]) || page[i] is < PanasScale.Min or > PanasScale.Max)
                    return (null, $"Answer {i + 1} is not a whole number from 1 to 5. " + expected, current);
            }

            foreach (var (n, v) in ItemsOn(progress.Page).Zip(page)) current[n - 1] = v;
            return (Completed(progress, current), null, null);
        }

        var parsed = PanasAnswerParser.ParseTyped(text);
        if (parsed.Answers is not { } all) return (null, $"I read {tokens.Length} answers. " + expected, current);
        return (all.ToArray(), null, null);
    }

    private static int[]? Completed(AppraisalProgress progress, int?[] current) =>
        progress.Page + 1 >= Pages && current.All(a => a is not null) ? current.Select(a => a!.Value).ToArray() : null;

    private Message Card(AppraisalProgress progress, Situation? situation, string? problem, int?[]? previous)
    {
        var after = progress.Step == AppraisalProgress.AfterStep;
        var blocks = new List<MessageBlock>();
        if (problem is not null) blocks.Add(new Paragraph(problem, Tone.Attention));
        blocks.Add(new Heading($"Feelings check, part {(after ? 2 : 1)} of 2 (card {progress.Page + 1} of {Pages})"));
        if (after && situation is not null)
        {
            blocks.Add(new Paragraph("Imagine this is happening to you right now. Take a moment to picture it."));
            blocks.Add(new Quote("The situation", situation.Text));
            blocks.Add(new Paragraph("How do you feel now, imagining it?"));
        }
        else
        {
            blocks.Add(new Paragraph("How do you feel right now, at this moment?"));
        }

        var choices = data.Scale.Anchors.Select((a, k) => new Choice((k + PanasScale.Min).ToString(CultureInfo.InvariantCulture), $"{k + PanasScale.Min} {a}")).ToArray();
        var items = ItemsOn(progress.Page).Select(n => data.Scale.Items[n - 1]).ToArray();
        blocks.Add(new ChoiceInputs(items
            .Select(i => new ChoiceInput(InputPrefix + i.Number, i.Word, choices, previous?[i.Number - 1]?.ToString(CultureInfo.InvariantCulture)))
            .ToArray()));
        var words = string.Join(", ", items.Select(i => i.Word));
        blocks.Add(new Paragraph($"You can also type {items.Length} numbers from 1 to 5 for {words}.", Tone.Subtle));

        var summary = (problem is null ? "" : problem + " ")
            + (after && situation is not null ? $"Imagine: \"{situation.Text}\" " : "")
            + $"Rate how you feel now, 1-5, for: {words}. Type {items.Length} numbers.";
        return new Message(summary, blocks,
        [
            new MessageAction(progress.Page + 1 < Pages ? "Next" : "Submit", new Dictionary<string, string>
            {
                [ActionKeys.Action] = Commands.Appraisal,
                [StepKey] = progress.Step,
                [PageKey] = PageText(progress),
            }, ActionStyle.Positive),
            MessageAction.Command("Cancel", Commands.Menu),
        ]);
    }

    private async Task<Message> ResultAsync(Situation situation, PanasScore? before, PanasScore after, CancellationToken ct)
    {
        var summary = await data.SummariseAsync(ct);
        var rows = new List<IReadOnlyList<string>>();
        var withheld = false;
        if (before is not null) rows.Add(["You", Signed(after.Pa - before.Pa), Signed(after.Na - before.Na), "1"]);
        foreach (var (source, s) in summary.Sources.OrderBy(kv => Sources.IsHuman(kv.Key) ? 0 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var change = s.Emotions.TryGetValue(situation.Emotion, out var e) ? e.Change : null;
            if (Sources.IsHuman(source) && (change is null || change.PaChange is null) && (s.Default.Withheld || change?.Withheld == true))
            {
                rows.Add(["People (average)", "–", "–", $"fewer than {data.MinGroupSize} people so far"]);
                withheld = true;
                continue;
            }

            rows.Add([Sources.DisplayName(source) + (Sources.IsHuman(source) ? " (average)" : ""),
                change is null ? "–" : Signed(change.PaChange) + Mark(change.PaMark),
                change is null ? "–" : Signed(change.NaChange) + Mark(change.NaMark),
                change?.N.ToString(CultureInfo.InvariantCulture) ?? "0"]);
        }

        var yours = before is null ? "" : $"Your positive feelings changed by {Signed(after.Pa - before.Pa)} and your negative feelings by {Signed(after.Na - before.Na)}. ";
        var others = Compared(summary.Sources.Keys.Where(s => !(withheld && Sources.IsHuman(s))));
        var text = others is null
            ? $"Thank you! {yours}Too few others have taken this check so far to compare you with."
            : $"Thank you! {yours}Here is how imagining a situation of {situation.Emotion.ToLowerInvariant()} changes feelings for {others}.";
        return new Message(text,
        [
            new Paragraph(text, Tone.Good),
            new Heading($"How feelings changed: {situation.Emotion}"),
            new Table(["Who", "Positive", "Negative", "Answers"], rows),
            new Paragraph("Change = how you felt imagining the situation minus how you felt before (each score ranges from 10 to 50). " +
                "↑ or ↓ marks a change too large to be likely by chance.", Tone.Subtle),
        ], Menu.Actions);
    }

    /// <summary>The participant's own change only: people's averages and the contenders' figures are study results, withheld for now.</summary>
    private Message OwnResult(Situation situation, PanasScore? before, PanasScore after)
    {
        var yours = before is null ? "" : $"Your positive feelings changed by {Signed(after.Pa - before.Pa)} and your negative feelings by {Signed(after.Na - before.Na)}. ";
        var text = $"Thank you! {yours}{results.OthersWithheld()}";
        var blocks = new List<MessageBlock> { new Paragraph(text, Tone.Good) };
        if (before is not null)
        {
            blocks.Add(new Heading($"How your feelings changed: {situation.Emotion}"));
            blocks.Add(new Table(["Who", "Positive", "Negative", "Answers"], [["You", Signed(after.Pa - before.Pa), Signed(after.Na - before.Na), "1"]]));
            blocks.Add(new Paragraph("Change = how you felt imagining the situation minus how you felt before (each score ranges from 10 to 50).", Tone.Subtle));
        }

        return new Message(text, blocks, Menu.Actions);
    }

    /// <summary>Who besides the participant is in the comparison, in words; null when nobody is.</summary>
    private static string? Compared(IEnumerable<string> sources)
    {
        var list = sources.ToList();
        var people = list.Any(Sources.IsHuman);
        var models = list.Any(s => !Sources.IsHuman(s));
        return (people, models) switch
        {
            (true, true) => "people and AI models",
            (true, false) => "people",
            (false, true) => "AI models",
            _ => null,
        };
    }

    private static string Signed(double? value) => Figures.Signed(value);

    private static string Mark(string mark) => mark switch { AppraisalAnalysis.Up => " ↑", AppraisalAnalysis.Down => " ↓", _ => "" };
}
