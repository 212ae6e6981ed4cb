// People's published groups (Privacy:MinGroupSize), P as in RedisStudyStore.cs:
//   P people-releases      hash     group key -> the caller's JSON
//   P people-withdrawals   string   bumped by the scripts that forget a participant's appraisal or quiz data
using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    private RedisKey PeopleReleaseGroups => keys.Prefix + "people-releases";

    private RedisKey PeopleWithdrawals => keys.Prefix + "people-withdrawals";

    public Task<PeopleReleases> GetPeopleReleasesAsync(CancellationToken ct = default) => Guard(async () =>
    {
        var groups = await Db.HashGetAllAsync(PeopleReleaseGroups);
        var withdrawals = await Db.StringGetAsync(PeopleWithdrawals);
        return new PeopleReleases(groups.ToDictionary(g => (string)g.Name!, g => (string)g.Value!, StringComparer.Ordinal),
            withdrawals.IsNull ? 0 : (long)withdrawals);
    });

    public Task SavePeopleReleasesAsync(IReadOnlyDictionary<string, string> groups, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0) return Task.CompletedTask;
        return Guard(() => Db.HashSetAsync(PeopleReleaseGroups, groups.Select(g => new HashEntry(g.Key, g.Value)).ToArray()));
    }
}
