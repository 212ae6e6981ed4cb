using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// What is published of one people's group: how many people it held, its figures (counts and sums) at that time, and
/// the store's withdrawal count then. <see cref="Values"/> is null while the group is hidden after a withdrawal.
/// </summary>
public sealed record PeopleRelease(
    [property: JsonPropertyName("people")] long People,
    [property: JsonPropertyName("values")] double[]? Values,
    [property: JsonPropertyName("withdrawals")] long Withdrawals)
{
    /// <summary>
    /// The published state of a group whose live state is (<paramref name="people"/>, <paramref name="values"/>): nothing
    /// below <paramref name="minGroupSize"/> people, then the group as it is, and after that a new state only once
    /// <paramref name="minGroupSize"/> more people answered. So two published states always differ by at least that
    /// many people, and a newcomer's (or a repeat answer's) figures never show on their own. After a withdrawal the
    /// published figures may hold the withdrawn answers, so the group is hidden until that many people beyond it answered.
    /// </summary>
    public static PeopleRelease? Next(long people, double[] values, PeopleRelease? published, long withdrawals, int minGroupSize)
    {
        if (published is null) return people >= minGroupSize ? new PeopleRelease(people, values, withdrawals) : null;
        var step = people >= published.People + minGroupSize;
        if (step) return new PeopleRelease(people, values, withdrawals);
        return published.Withdrawals == withdrawals ? published : new PeopleRelease(published.People, null, withdrawals);
    }
}
