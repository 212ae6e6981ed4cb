using EmpathyBot.Services.Summary;
using System.Globalization;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Per-emotion and overall comparison of Good rates, human vs each source, from live counters. In chat: the
/// overall table with significance marks, the emotions with the largest gaps, and a per-emotion view by button.
/// </summary>
public sealed class SummaryFlow(SummaryQuery query)
{
    public const int LargestGaps = 3;

    /// <summary>The overall view, or the view of one emotion when <paramref name="emotion"/> is given.</summary>
    public async Task<Message> RenderAsync(string? emotion, CancellationToken ct)
    {
        var summary = await query.BuildAsync(ct);
        if (summary.Overall.Sources.Values.All(s => s.Ratings == 0))
        {
            return Menu.WithMenu("No ratings yet, so there is nothing to compare. Rate some replies to get it started!");
        }

        if (!string.IsNullOrWhiteSpace(emotion))
        {
            var label = emotion.Trim().ToLowerInvariant();
            if (!Emotions.IsKnown(label)) return Menu.WithMenu($"'{emotion}' is not one of the study's emotions.", Tone.Attention);
            return EmotionView(summary, label);
        }

        var sources = summary.Overall.Sources;
        var blocks = new List<MessageBlock>
        {
            new Heading("How people and AI compare"),
            new Paragraph("Share of replies rated Good by blind raters (95% interval), the change versus people, and the test against people " +
                "(* p<.05, ** p<.01, *** p<.001).", Tone.Subtle),
            new Table(["Overall", "Ratings", "Good", "vs people", "p"], sources.Select(s => Row(Sources.DisplayName(s.Key), s.Value, s.Value.P)).ToArray()),
        };

        var gaps = Gaps(summary).Take(LargestGaps).ToList();
        if (gaps.Count > 0)
        {
            blocks.Add(new Heading("Largest gaps"));
            blocks.Add(new Facts(gaps.Select(g => new Fact($"{g.Emotion} ({summary.Emotions[g.Emotion].Valence})",
                $"{Sources.DisplayName(g.Source)} {Percent(g.Rate)} vs people {Percent(g.PeopleRate)} Good" +
                $"{SummaryReport.Stars(summary.Emotions[g.Emotion].Sources[g.Source].PAdjusted)}")).ToArray()));
        }

        var columns = sources.Keys.ToArray();
        var emotionRows = summary.Emotions
            .Where(e => e.Value.Sources.Values.Any(s => s.Ratings > 0))
            .Select(e => (IReadOnlyList<string>)new[] { $"{e.Key} ({e.Value.Valence})" }
                .Concat(columns.Select(c => e.Value.Sources.TryGetValue(c, out var s) ? Percent(s.GoodRate) + SummaryReport.Stars(s.PAdjusted) : "–"))
                .ToArray())
            .ToArray();
        blocks.Add(new Heading("Good rate per emotion"));
        blocks.Add(new Table(["Emotion", .. columns.Select(Sources.DisplayName)], emotionRows));
        blocks.Add(new Paragraph(Footer(summary), Tone.Subtle));

        var text = string.Join("; ", sources.Select(s => $"{Sources.DisplayName(s.Key)} {Percent(s.Value.GoodRate)} Good"));
        IReadOnlyList<MessageAction> actions = [.. gaps.Select(g => EmotionButton(g.Emotion)), .. Menu.Actions];
        return new Message($"Summary: {text}.", blocks, actions);
    }

    private static Message EmotionView(SummaryDocument summary, string label)
    {
        if (!summary.Emotions.TryGetValue(label, out var section) || section.Sources.Values.All(s => s.Ratings == 0))
        {
            return new Message($"No ratings for {label} yet.", [new Paragraph($"No ratings for {label} yet.")],
                [MessageAction.Command("Summary", Commands.Summary), .. Menu.Actions.Where(a => a.Data[ActionKeys.Action] != Commands.Summary)]);
        }

        var blocks = new List<MessageBlock>
        {
            new Heading($"{label} ({section.Valence})"),
            new Table([label, "Ratings", "Good", "vs people", "p (Holm)"],
                section.Sources.Select(s => Row(Sources.DisplayName(s.Key), s.Value, s.Value.PAdjusted)).ToArray()),
            new Paragraph($"p-values are Holm-adjusted over every emotion and model. {Footer(summary)}", Tone.Subtle),
        };
        var text = string.Join("; ", section.Sources.Select(s => $"{Sources.DisplayName(s.Key)} {Percent(s.Value.GoodRate)} Good"));
        return new Message($"{label}: {text}.", blocks,
            [MessageAction.Command("Overall summary", Commands.Summary), .. Menu.Actions.Where(a => a.Data[ActionKeys.Action] != Commands.Summary)]);
    }

    /// <summary>Emotions by the largest absolute Good-rate gap between any source and the baseline.</summary>
    private static IEnumerable<(string Emotion, string Source, double Rate, double PeopleRate)> Gaps(SummaryDocument summary) =>
        summary.Emotions
            .Select(e => e.Value.Sources.TryGetValue(summary.People, out var b) && b.GoodRate is { } br
                ? e.Value.Sources.Where(s => s.Key != summary.People && s.Value.GoodRate is not null)
                    .Select(s => (Emotion: e.Key, Source: s.Key, Rate: s.Value.GoodRate!.Value, PeopleRate: br))
                    .OrderByDescending(g => Math.Abs(g.Rate - g.PeopleRate)).FirstOrDefault()
                : default)
            .Where(g => g.Emotion is not null)
            .OrderByDescending(g => Math.Abs(g.Rate - g.PeopleRate)).ThenBy(g => g.Emotion, StringComparer.Ordinal);

    private static MessageAction EmotionButton(string emotion) => new($"See {emotion}", new Dictionary<string, string>
    {
        [ActionKeys.Action] = Commands.Summary,
        [ActionKeys.Emotion] = emotion,
    });

    private static string Footer(SummaryDocument summary) =>
        $"Rater agreement (Krippendorff's alpha, ordinal): {(summary.RaterAgreement is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "not yet")}" +
        $" over {summary.AgreementUnits} replies; {summary.ExcludedRaters} rater(s) excluded for failed attention checks.";

    private static IReadOnlyList<string> Row(string name, SourceSummary s, double? p) =>
    [
        name, s.Ratings.ToString(CultureInfo.InvariantCulture),
        Percent(s.GoodRate) + (s.GoodRateCi is [var lo, var hi] ? $" [{Percent(lo)}–{Percent(hi)}]" : ""),
        s.GoodIncreaseVsPeople is { } inc ? inc.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "–",
        p is { } v ? (v < 0.001 ? "<0.001" : v.ToString("0.000", CultureInfo.InvariantCulture)) + SummaryReport.Stars(v) : "–",
    ];

    private static string Percent(double? rate) => rate is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "–";
}
