using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Core.Tests.Integrity;

public sealed class RatingRulesTests
{
    private static readonly DateTimeOffset Shown = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rating_at_the_minimum_time_counts_and_one_just_sooner_is_tooFast()
    {
        var rules = new RatingRules(MinSecondsPerCard: 2, StraightLineRun: 15);
        Assert.False(rules.IsTooFast(Shown, Shown.AddSeconds(2)));
        Assert.True(rules.IsTooFast(Shown, Shown.AddMilliseconds(1999)));
        Assert.False(rules.IsTooFast(null, Shown));
        Assert.False((rules with { MinSecondsPerCard = 0 }).IsTooFast(Shown, Shown));
    }

    [Fact]
    public void A_run_reaches_straight_lining_at_its_length_and_zero_is_off()
    {
        var rules = new RatingRules(2, StraightLineRun: 15);
        Assert.False(rules.IsStraightLine(14));
        Assert.True(rules.IsStraightLine(15));
        Assert.False((rules with { StraightLineRun = 0 }).IsStraightLine(1000));
    }
}
