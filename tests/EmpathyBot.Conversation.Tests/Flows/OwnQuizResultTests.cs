using EmpathyBot.Conversation.Flows;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Conversation.Tests.Flows;

/// <summary>A participant's own quiz result: the EQ is told as a range, and a wide range never shows an EQ below 40 or above 160.</summary>
public sealed class OwnQuizResultTests
{
    // SECEU: a distance, lower is better. With this norm a distance of 2.5 is EQ 105.6 and 3.1 is EQ 94.4.
    private static readonly UnderstandingNorm Norm = new(2.8, 0.8, "test");
    private static readonly UnderstandingSet Set = new("seceu-test", UnderstandingSet.AllocationKind, "ours", false, [], []);

    private static OwnQuizResult Result(double low, double high, UnderstandingNorm? norm = null) =>
        new(Set, (low + high) / 2, new ScoreInterval(3, low, high), norm ?? Norm, null);

    [Fact]
    public void A_range_within_40_to_160_is_told_as_it_is()
    {
        var result = Result(2.5, 3.1);
        Assert.Equal("94 to 106", result.Row()[2]);
        Assert.Contains("Your EQ is likely between 94 and 106: within the typical range (85 to 115).", result.Uncertainty());
        Assert.EndsWith("EQ likely 94 to 106", result.Line());
    }

    [Fact]
    public void An_end_below_40_is_cut_so_no_negative_EQ_is_shown()
    {
        // A distance of 9 maps to EQ -16 under this norm; 0.5 maps to 143.
        var result = Result(0.5, 9);
        Assert.Equal("143 or lower", result.Row()[2]);
        Assert.Contains("Your EQ is likely 143 or lower: anywhere from below to above the typical range", result.Uncertainty());
        Assert.EndsWith("EQ likely 143 or lower", result.Line());
        Assert.DoesNotContain("-16", result.Uncertainty() + result.Line() + string.Join(" ", result.Row()));
    }

    [Fact]
    public void Ends_past_both_bounds_say_so_and_a_range_wholly_past_one_names_the_bound()
    {
        var tight = new UnderstandingNorm(2.8, 0.5, "test");
        Assert.Equal("anywhere from below 40 to above 160", Result(0, 12, tight).Row()[2]);
        Assert.Equal("below 40", Result(9, 12, tight).Row()[2]);
        Assert.Equal("above 160", Result(0, 0.3, tight).Row()[2]);
        Assert.Equal("112 or higher", Result(0, 2.4, tight).Row()[2]);
    }
}
