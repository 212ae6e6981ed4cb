namespace EmpathyBot.Core.Ports;

/// <summary>What the summary last published of each people's group, and how many withdrawals the store has seen.</summary>
/// <param name="Groups">Group key -> the caller's JSON.</param>
/// <param name="Withdrawals">Bumped whenever a participant with appraisal or quiz data is forgotten.</param>
public sealed record PeopleReleases(IReadOnlyDictionary<string, string> Groups, long Withdrawals);

/// <summary>
/// The published state of people's groups (Privacy:MinGroupSize), so that published figures move only in steps of that
/// many people and two snapshots never differ by one person. Keys and JSON belong to the caller; the store only counts
/// withdrawals, so the caller can stop showing a group that may still hold a withdrawn person's answers.
/// </summary>
public interface IPeopleReleaseStore
{
    Task<PeopleReleases> GetPeopleReleasesAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces the given groups.</summary>
    Task SavePeopleReleasesAsync(IReadOnlyDictionary<string, string> groups, CancellationToken ct = default);
}
