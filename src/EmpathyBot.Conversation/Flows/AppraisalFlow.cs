using EmpathyBot.Services.Appraisal;
using System.Globalization;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// EmotionBench's appraisal for people: the 20 PANAS items for how they feel now, then again after imagining one
/// situation; they see their PA/NA change beside people's average and each contender's for that emotion.
/// </summary>
public sealed class AppraisalFlow(AppraisalData data, IAppraisalStore store, TimeProvider clock)
{
    public const string StepKey = "step";
    public const string InputPrefix = "panas";

    public async Task<(TurnResult Result, ParticipantState State)> StartAsync(CancellationToken ct)
    {
        var bank = await data.GetSetAsync(null, ct);
        if (bank is null || bank.Situations.Count == 0)
        {
            return (TurnResult.Of(Menu.WithMenu($"The emotion check is not available: the situation set '{data.DefaultSet}' is missing.", Tone.Attention)),
                ParticipantState.Idle);
        }

        var progress = new AppraisalProgress(AppraisalProgress.BeforeStep, data.DefaultSet);
        return (TurnResult.Of(Card(progress, null, null, null)), new ParticipantState(Appraisal: progress));
    }

    /// <summary>An answer set from the card (<paramref name="values"/>) or typed as 20 numbers (<paramref name="text"/>).</summary>
    public async Task<(TurnResult Result, ParticipantState State)> SubmitAsync(
        string participant, AppraisalProgress? progress, IReadOnlyDictionary<string, string>? values, string? text, CancellationToken ct)
    {
        if (progress is null)
        {
            return (TurnResult.Of(Menu.WithMenu("That questionnaire is no longer open. Type appraisal to start a new emotion check.")), ParticipantState.Idle);
        }

        var situation = await SituationOf(progress, ct);
        if (values?.GetValueOrDefault(StepKey) is { } step && step != progress.Step)
        {
            return (TurnResult.Of(Card(progress, situation, "That card is from an earlier step; please answer this one.", null)), new ParticipantState(Appraisal: progress));
        }

        var (answers, problem, partial) = values is not null ? FromCard(values) : FromText(text);
        if (answers is null)
        {
            return (TurnResult.Of(Card(progress, situation, problem, partial)), new ParticipantState(Appraisal: progress));
        }

        var score = data.Scale.Score(answers);
        if (progress.Step == AppraisalProgress.BeforeStep)
        {
            await store.AddAppraisalAnswerAsync(Answer(participant, AppraisalConditions.Default, null, progress.Set, answers, score), ct);
            var bank = await data.GetSetAsync(progress.Set, ct);
            if (bank is null || bank.Situations.Count == 0)
                return (TurnResult.Of(Menu.WithMenu("Thanks. The situation set is no longer available, so the check stops here.")), ParticipantState.Idle);
            var chosen = bank.Situations[Random.Shared.Next(bank.Situations.Count)];
            var next = new AppraisalProgress(AppraisalProgress.AfterStep, progress.Set, chosen.Id, answers);
            return (TurnResult.Of(Card(next, chosen, null, null)), new ParticipantState(Appraisal: next));
        }

        if (situation is null)
            return (TurnResult.Of(Menu.WithMenu("That situation is no longer part of the study, so your answers were not stored.")), ParticipantState.Idle);
        await store.AddAppraisalAnswerAsync(Answer(participant, AppraisalConditions.Evoked, situation, progress.Set, answers, score), ct);
        var before = progress.Before is { Count: PanasScale.ItemCount } b ? data.Scale.Score(b) : null;
        return (TurnResult.Of(await ResultAsync(situation, before, score, ct)), ParticipantState.Idle);
    }

    private async Task<Situation?> SituationOf(AppraisalProgress progress, CancellationToken ct) =>
        progress.SituationId is { } id && await data.GetSetAsync(progress.Set, ct) is { } bank ? bank.Find(id) : null;

    private AppraisalAnswer Answer(string participant, string condition, Situation? situation, string? set, IReadOnlyList<int> answers, PanasScore score) =>
        new(ReplyIds.NewHuman(), Sources.Human, participant, condition, situation?.Emotion ?? "", situation?.Factor ?? "",
            situation is null ? null : set, situation?.Id, score, answers, clock.GetUtcNow());

    private static (int[]? Answers, string? Problem, int?[]? Partial) FromCard(IReadOnlyDictionary<string, string> values)
    {
        var answers = new int?[PanasScale.ItemCount];
        var bad = new List<int>();
        for (var n = 1; n <= PanasScale.ItemCount; n++)
        {
            if (values.TryGetValue(InputPrefix + n, out var raw)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && v == Math.Floor(v) && v is >= PanasScale.Min and <= PanasScale.Max)
                answers[n - 1] = (int)v;
            else bad.Add(n);
        }

        return bad.Count == 0
            ? (answers.Select(a => a!.Value).ToArray(), null, null)
            : (null, $"Please give every feeling a whole number from 1 to 5; {bad.Count} {(bad.Count == 1 ? "was" : "were")} missing or invalid (item {string.Join(", ", bad)}).", answers);
    }

    private static (int[]? Answers, string? Problem, int?[]? Partial) FromText(string? text)
    {
        var parsed = PanasAnswerParser.ParseTyped(text);
        return parsed.Answers is { } a ? (a.ToArray(), null, null) : (null, parsed.Error + " Type 20 numbers from 1 to 5 in the order shown, or use the card.", null);
    }

    private Message Card(AppraisalProgress progress, Situation? situation, string? problem, int?[]? previous)
    {
        var after = progress.Step == AppraisalProgress.AfterStep;
        var blocks = new List<MessageBlock>();
        if (problem is not null) blocks.Add(new Paragraph(problem, Tone.Attention));
        blocks.Add(new Heading(after ? "Emotion check, part 2 of 2" : "Emotion check, part 1 of 2"));
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

        var anchors = string.Join(", ", data.Scale.Anchors.Select((a, k) => $"{k + PanasScale.Min} = {a}"));
        blocks.Add(new Paragraph($"Rate each feeling from 1 to 5: {anchors}.", Tone.Subtle));
        blocks.Add(new NumberInputs(data.Scale.Items
            .Select(i => new NumberInput(InputPrefix + i.Number, $"{i.Number}. {i.Word}", PanasScale.Min, PanasScale.Max, previous?[i.Number - 1]))
            .ToArray()));
        var words = string.Join(", ", data.Scale.Items.Select(i => i.Word));
        blocks.Add(new Paragraph($"You can also type 20 numbers (1-5) in this order: {words}.", Tone.Subtle));

        var summary = (problem is null ? "" : problem + " ")
            + (after && situation is not null ? $"Imagine: \"{situation.Text}\" " : "")
            + $"Rate how you feel now, 1-5, for: {words}. Type 20 numbers.";
        return new Message(summary, blocks,
        [
            new MessageAction("Submit", new Dictionary<string, string> { [ActionKeys.Action] = Commands.Appraisal, [StepKey] = progress.Step }, ActionStyle.Positive),
            MessageAction.Command("Cancel", Commands.Menu),
        ]);
    }

    private async Task<Message> ResultAsync(Situation situation, PanasScore? before, PanasScore after, CancellationToken ct)
    {
        var summary = await data.SummariseAsync(ct);
        var rows = new List<IReadOnlyList<string>>();
        if (before is not null) rows.Add(["You", Signed(after.Pa - before.Pa), Signed(after.Na - before.Na), "1"]);
        foreach (var (source, s) in summary.Sources.OrderBy(kv => Sources.IsHuman(kv.Key) ? 0 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var change = s.Emotions.TryGetValue(situation.Emotion, out var e) ? e.Change : null;
            if (Sources.IsHuman(source) && (change is null || change.PaChange is null) && (s.Default.Withheld || change?.Withheld == true))
            {
                rows.Add(["People (average)", "–", "–", $"fewer than {data.MinGroupSize} people so far"]);
                continue;
            }

            rows.Add([Sources.DisplayName(source) + (Sources.IsHuman(source) ? " (average)" : ""),
                change is null ? "–" : Signed(change.PaChange) + Mark(change.PaMark),
                change is null ? "–" : Signed(change.NaChange) + Mark(change.NaMark),
                change?.N.ToString(CultureInfo.InvariantCulture) ?? "0"]);
        }

        var yours = before is null ? "" : $"Your positive feelings (PA) changed by {Signed(after.Pa - before.Pa)} and negative feelings (NA) by {Signed(after.Na - before.Na)}. ";
        var text = $"Thank you! {yours}Here is how imagining a situation of {situation.Emotion.ToLowerInvariant()} changes feelings for people and AI models.";
        return new Message(text,
        [
            new Paragraph(text, Tone.Good),
            new Heading($"Change in PANAS scores: {situation.Emotion}"),
            new Table(["Who", "PA change", "NA change", "Answers"], rows),
            new Paragraph("Change = after imagining minus without a situation (PA and NA each range 10-50). ↑/↓ = significant at " +
                data.Alpha.ToString("0.##", CultureInfo.InvariantCulture) + " (F test, then Student or Welch t, as EmotionBench).", Tone.Subtle),
        ], Menu.Actions);
    }

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";

    private static string Mark(string mark) => mark switch { AppraisalAnalysis.Up => " ↑", AppraisalAnalysis.Down => " ↓", _ => "" };
}
