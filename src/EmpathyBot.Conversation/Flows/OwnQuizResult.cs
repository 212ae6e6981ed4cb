using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// A participant's own result on one part of the quiz, told with its uncertainty: a handful of items cannot place a
/// person precisely, so their score, EQ and percentile come as the range they are likely in (<see cref="ScoreInterval"/>),
/// with how many items it rests on, and never as a bare EQ.
/// </summary>
internal sealed class OwnQuizResult(UnderstandingSet set, double score, ScoreInterval? interval, UnderstandingNorm? norm, IReadOnlyList<double>? sample)
{
    private const double TypicalLow = 85;
    private const double TypicalHigh = 115;

    // EQ is a standard score (mean 100, SD 15); tests report it within four standard deviations, 40 to 160. A wide
    // interval's end can map far beyond (a negative EQ), which means nothing, so an end past a bound shows as the bound.
    private const double EqFloor = 40;
    private const double EqCeiling = 160;

    private int Items => interval?.Items ?? 1;

    private string Kind => set.IsAllocation ? "SECEU-style" : "EQ-Bench-style";

    /// <summary>"3 of 40 items": how much of the part the result rests on.</summary>
    public string ItemsLine => $"{Items} of {set.Count} items";

    private (double Low, double High)? EqRange => interval is { } i && norm is not null
        ? Ordered(UnderstandingAnalysis.Eq(set.Kind, i.Low, norm), UnderstandingAnalysis.Eq(set.Kind, i.High, norm))
        : null;

    private (double Low, double High)? PercentileRange => interval is { } i && sample is not null
        ? Ordered(UnderstandingAnalysis.Percentile(set.Kind, i.Low, sample), UnderstandingAnalysis.Percentile(set.Kind, i.High, sample))
        : null;

    public IReadOnlyList<string> Row() =>
    [
        "You",
        interval is { } i ? $"{F(score)} ({F(i.Low)} to {F(i.High)})" : F(score),
        EqRange is { } eq ? EqText(eq.Low, eq.High) : "–",
        PercentileRange is { } p ? $"{Figures.Whole(p.Low)}% to {Figures.Whole(p.High)}%" : "–",
    ];

    /// <summary>What the figures can and cannot say, in plain words.</summary>
    public string Uncertainty()
    {
        if (interval is null)
        {
            return $"This part rests on {(Items == 1 ? "1 item" : $"{Items} items")} of {set.Count}: too few to estimate an EQ or a percentile, so none is given.";
        }

        var text = $"A rough indication from {ItemsLine}, not a test result: the ranges are where your result likely lies (95%).";
        return EqRange is { } eq ? text + $" Your EQ is likely {EqText(eq.Low, eq.High, sentence: true)}: {Band(eq.Low, eq.High)}." : text;
    }

    /// <summary>The result for the one-line summary: the score with its range, and the EQ only as a range.</summary>
    public string Line() =>
        $"{(Items == 1 ? "1 " + Kind + " item" : $"{Items} {Kind} items")}: score {F(score)}" +
        (interval is { } i ? $" (likely {F(i.Low)} to {F(i.High)})" : "") +
        (EqRange is { } eq ? $", EQ likely {EqText(eq.Low, eq.High)}" : "");

    /// <summary>
    /// "72 to 96" (or "between 72 and 96" in a sentence); an end past 40 or 160 gives "96 or lower", "72 or higher",
    /// "below 40", "above 160" or "anywhere from below 40 to above 160", never a negative EQ.
    /// </summary>
    private static string EqText(double low, double high, bool sentence = false) => (low < EqFloor, high > EqCeiling) switch
    {
        (false, false) => sentence ? $"between {Figures.Whole(low)} and {Figures.Whole(high)}" : $"{Figures.Whole(low)} to {Figures.Whole(high)}",
        (true, false) => high < EqFloor ? $"below {EqFloor}" : $"{Figures.Whole(high)} or lower",
        (false, true) => low > EqCeiling ? $"above {EqCeiling}" : $"{Figures.Whole(low)} or higher",
        (true, true) => $"anywhere from below {EqFloor} to above {EqCeiling}",
    };

    /// <summary>Where an EQ range lies against the typical range (85 to 115), in plain words.</summary>
    private static string Band(double low, double high) => (low < TypicalLow, high > TypicalHigh) switch
    {
        _ when high < TypicalLow => "below the typical range (85 to 115)",
        _ when low > TypicalHigh => "above the typical range (85 to 115)",
        (true, true) => "anywhere from below to above the typical range (85 to 115), so these few items cannot place you",
        (true, false) => "from below the typical range (85 to 115) into it",
        (false, true) => "from within the typical range (85 to 115) to above it",
        _ => "within the typical range (85 to 115)",
    };

    private static (double Low, double High)? Ordered(double? a, double? b) =>
        a is { } x && b is { } y ? (Math.Min(x, y), Math.Max(x, y)) : null;

    private static string F(double value) => Figures.Score(value);
}
