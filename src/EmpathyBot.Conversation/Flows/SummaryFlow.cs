using EmpathyBot.Services.Summary;
using System.Globalization;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Per-emotion and overall comparison of Good rates, human vs each source, from live counters, in plain words for
/// participants: the overall rates, the emotions with the largest gaps, and a per-emotion view by button. The
/// researcher's statistics (intervals, tests, rater agreement) stay on the dashboard and in the report.
/// </summary>
public sealed class SummaryFlow(SummaryQuery query)
{
    public const int LargestGaps = 3;

    /// <summary>Below this many ratings a Good rate says too little to show as a figure to participants.</summary>
    public const int MinRatings = 10;

    private const double ClearDifference = 0.05;

    /// <summary>The overall view, or the view of one emotion when <paramref name="emotion"/> is given.</summary>
    public async Task<Message> RenderAsync(string? emotion, CancellationToken ct)
    {
        var summary = await query.BuildAsync(ct);
        if (summary.Overall.Sources.Values.All(s => s.Ratings == 0))
        {
            return PairwiseSummaryLine.Alone(summary) ?? Menu.WithMenu("No ratings yet, so there is nothing to compare. Rate some replies to get it started!");
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
            new Heading(Title(sources.Keys)),
            new Paragraph("How often each kind of reply was rated Good by people who did not know who wrote it.", Tone.Subtle),
            new Facts(sources.Select(s => new Fact(Sources.DisplayName(s.Key), Describe(s.Key, s.Value, s.Value.P, summary.People))).ToArray()),
        };

        var gaps = Gaps(summary).Where(g => Enough(summary.Emotions[g.Emotion], g.Source, summary.People)).Take(LargestGaps).ToList();
        if (gaps.Count > 0)
        {
            blocks.Add(new Heading("Largest differences"));
            blocks.Add(new Facts(gaps.Select(g => new Fact($"{g.Emotion} ({summary.Emotions[g.Emotion].Valence})",
                $"{Sources.DisplayName(g.Source)} {Figures.Percent(g.Rate)} rated Good, people {Figures.Percent(g.PeopleRate)}")).ToArray()));
        }

        var emotionFacts = summary.Emotions
            .Where(e => e.Value.Sources.Values.Any(s => s.Ratings > 0))
            .Select(e => new Fact($"{e.Key} ({e.Value.Valence})", string.Join("; ", e.Value.Sources.Select(s => $"{Sources.DisplayName(s.Key)} {Short(s.Value)}"))))
            .ToArray();
        blocks.Add(new Heading("Rated Good, per emotion"));
        blocks.Add(new Facts(emotionFacts));
        blocks.AddRange(IntegrityBlocks.For(summary));
        if (JudgeSummaryLine.For(summary) is { } judges) blocks.Add(judges);
        if (PairwiseSummaryLine.For(summary) is { } pairs) blocks.Add(pairs);
        blocks.Add(new Paragraph(Footer, Tone.Subtle));

        var text = string.Join("; ", sources.Select(s => $"{Sources.DisplayName(s.Key)} {Figures.Percent(s.Value.GoodRate)} Good"));
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
            new Facts(section.Sources.Select(s => new Fact(Sources.DisplayName(s.Key), Describe(s.Key, s.Value, s.Value.PAdjusted, summary.People))).ToArray()),
            new Paragraph(Footer, Tone.Subtle),
        };
        var text = string.Join("; ", section.Sources.Select(s => $"{Sources.DisplayName(s.Key)} {Figures.Percent(s.Value.GoodRate)} Good"));
        return new Message($"{label}: {text}.", blocks,
            [MessageAction.Command("Overall summary", Commands.Summary), .. Menu.Actions.Where(a => a.Data[ActionKeys.Action] != Commands.Summary)]);
    }

    private static string Title(IEnumerable<string> sources) =>
        sources.Any(s => !Sources.IsHuman(s) && !Sources.IsBaseline(s)) ? "How people and AI compare" : "How people's replies are rated";

    /// <summary>
    /// A source's Good rate in plain words: "too early to say" below <see cref="MinRatings"/>, otherwise the rate with
    /// the range it is likely in and whether it differs clearly (p below .05) from people's.
    /// </summary>
    private static string Describe(string source, SourceSummary s, double? p, string baseline)
    {
        var count = s.Ratings == 1 ? "1 rating" : $"{s.Ratings.ToString(CultureInfo.InvariantCulture)} ratings";
        if (s.Ratings < MinRatings) return $"{count} so far: too early to say.";
        var range = s.GoodRateCi is [var lo, var hi] ? $", likely between {Figures.Percent(lo)} and {Figures.Percent(hi)}" : "";
        var versus = source == baseline || p is null ? ""
            : p < ClearDifference
                ? $" Rated Good {(s.GoodIncreaseVsPeople > 0 ? "more" : "less")} often than people's replies."
                : " No clear difference from people's replies yet.";
        return $"{Figures.Percent(s.GoodRate)} rated Good ({count}{range}).{versus}{LengthWords.Of(s)}";
    }

    private static string Short(SourceSummary s) => s.Ratings < MinRatings ? "too early to say" : Figures.Percent(s.GoodRate);

    private static bool Enough(EmotionSection section, string source, string baseline) =>
        section.Sources.TryGetValue(source, out var s) && s.Ratings >= MinRatings
        && section.Sources.TryGetValue(baseline, out var b) && b.Ratings >= MinRatings;

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

    private const string Footer = "Replies are rated Good, Okay or Bad by people who do not know who wrote them. " +
        "The dashboard has the full statistics.";
}
