using EmpathyBot.Models.Appraisal;

namespace EmpathyBot.Models.Tests.Running;

public sealed class AppraisalItemOrderTests
{
    [Fact]
    public void Run_zero_keeps_the_standard_order() =>
        Assert.Equal(Enumerable.Range(1, 20), AppraisalRunner.ItemOrder("sit-anger-01", 0));

    /// <summary>Pinned: a rerun in another process (or on another machine) must ask the items in the same order.</summary>
    [Fact]
    public void Shuffled_orders_are_the_same_in_every_process()
    {
        Assert.Equal([10, 8, 3, 4, 17, 19, 11, 12, 6, 18, 15, 7, 14, 13, 9, 1, 16, 5, 2, 20], AppraisalRunner.ItemOrder("sit-anger-01", 1));
        Assert.Equal([14, 18, 5, 12, 9, 15, 8, 6, 17, 1, 4, 11, 7, 10, 3, 16, 13, 20, 2, 19], AppraisalRunner.ItemOrder(null, 2));
    }
}
