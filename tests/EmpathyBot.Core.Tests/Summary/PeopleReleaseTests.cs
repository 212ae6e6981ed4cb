using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

/// <summary>Published people's groups move only in steps of Privacy:MinGroupSize people.</summary>
public sealed class PeopleReleaseTests
{
    private static double[] V(double x) => [x];

    [Fact]
    public void Nothing_is_published_below_the_minimum_then_the_group_as_it_is()
    {
        Assert.Null(PeopleRelease.Next(4, V(40), null, 0, 5));
        Assert.Equal(new PeopleRelease(5, null, 0) with { Values = V(50) }, PeopleRelease.Next(5, V(50), null, 0, 5), new ReleaseComparer());
    }

    [Fact]
    public void Newcomers_and_repeat_answers_change_nothing_until_the_minimum_more_people_answered()
    {
        var first = PeopleRelease.Next(5, V(50), null, 0, 5)!;

        Assert.Same(first, PeopleRelease.Next(6, V(61), first, 0, 5)); // one newcomer: their answers stay unseen
        Assert.Same(first, PeopleRelease.Next(5, V(55), first, 0, 5)); // someone answered again
        Assert.Same(first, PeopleRelease.Next(9, V(93), first, 0, 5));
        var next = PeopleRelease.Next(10, V(104), first, 0, 5)!;
        Assert.Equal((10L, 104.0), (next.People, next.Values![0]));
    }

    [Fact]
    public void A_withdrawal_hides_the_group_until_the_minimum_more_people_answered()
    {
        var first = PeopleRelease.Next(7, V(70), null, 0, 5)!;

        var hidden = PeopleRelease.Next(6, V(60), first, 1, 5)!;
        Assert.Equal((7L, null, 1L), (hidden.People, hidden.Values, hidden.Withdrawals));
        Assert.Same(hidden, PeopleRelease.Next(11, V(110), hidden, 1, 5));
        Assert.Equal(12, PeopleRelease.Next(12, V(120), hidden, 1, 5)!.People);
    }

    private sealed class ReleaseComparer : IEqualityComparer<PeopleRelease?>
    {
        public bool Equals(PeopleRelease? x, PeopleRelease? y) =>
            x?.People == y?.People && x?.Withdrawals == y?.Withdrawals && (x?.Values ?? []).SequenceEqual(y?.Values ?? []);

        public int GetHashCode(PeopleRelease? obj) => 0;
    }
}
