using EmpathyBot.Core.Tests.Statistics;
using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Core.Tests.Understanding;

/// <summary>Golden values from scipy (Golden/score_interval.py): a 95% t interval over a person's item scores.</summary>
public sealed class ScoreIntervalTests
{
    [Fact]
    public void Three_allocation_items_give_the_t_interval_of_their_mean_distance()
    {
        var interval = ScoreInterval.Of(UnderstandingSet.AllocationKind, [2.1, 3.4, 1.7])!;

        Assert.Equal(3, interval.Items);
        Approx.Equal(0.1920501057747237, interval.Low);
        Approx.Equal(4.607949894225277, interval.High);
    }

    [Fact]
    public void Intensity_items_are_on_the_0_to_100_scale()
    {
        var interval = ScoreInterval.Of(UnderstandingSet.IntensityKind, [7.5, 9.0, 6.2, 8.1])!;

        Approx.Equal(58.30736041198026, interval.Low);
        Approx.Equal(95.69263958801972, interval.High);
    }

    [Fact]
    public void The_interval_stops_at_the_ends_of_the_scale()
    {
        // scipy: (-14.13275592054012, 17.63275592054012); a distance is never below 0.
        var interval = ScoreInterval.Of(UnderstandingSet.AllocationKind, [0.5, 3.0])!;
        Assert.Equal(0, interval.Low);
        Approx.Equal(17.63275592054012, interval.High);

        Assert.Equal((0, 100), (ScoreInterval.Of(UnderstandingSet.IntensityKind, [0, 10])!.Low, ScoreInterval.Of(UnderstandingSet.IntensityKind, [0, 10])!.High));
    }

    [Fact]
    public void One_item_has_no_interval()
    {
        Assert.Null(ScoreInterval.Of(UnderstandingSet.AllocationKind, [2.0]));
        Assert.Null(ScoreInterval.Of(UnderstandingSet.AllocationKind, []));
    }
}
