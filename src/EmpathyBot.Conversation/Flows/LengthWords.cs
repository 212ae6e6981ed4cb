using System.Globalization;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// The length-adjusted comparison in plain words for the chat summary: how a source's odds of a Good rating compare
/// with people's when the replies are equally long (longer replies tend to be rated better).
/// </summary>
internal static class LengthWords
{
    /// <summary>A sentence to follow the raw comparison; empty when the source has no length-adjusted estimate.</summary>
    public static string Of(SourceSummary s) =>
        s.LengthAdjusted is { Ci: [var lo, var hi] } a
            ? $" Replies of equal length: {N(a.OddsRatio)} times the odds of a Good rating that people's replies get (likely {N(lo)} to {N(hi)})."
            : "";

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
