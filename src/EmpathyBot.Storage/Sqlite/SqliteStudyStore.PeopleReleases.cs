// People's published groups (Privacy:MinGroupSize), created with IF NOT EXISTS so they join existing databases:
//   people_releases(key PK, json)
//   people_withdrawals(id PK = 1, n)   bumped in the transaction that forgets a participant's appraisal or quiz data
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private static void MigratePeopleReleases(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS people_releases (
            key TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS people_withdrawals (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            n INTEGER NOT NULL
        );
        """, tx);

    public Task<PeopleReleases> GetPeopleReleasesAsync(CancellationToken ct = default) => Read(c =>
    {
        var groups = Query(c, "SELECT key, json FROM people_releases;", r => (Key: r.GetString(0), Json: r.GetString(1)));
        var withdrawals = Convert.ToInt64(Scalar(c, "SELECT coalesce(max(n), 0) FROM people_withdrawals;"));
        return new PeopleReleases(groups.ToDictionary(g => g.Key, g => g.Json, StringComparer.Ordinal), withdrawals);
    }, ct);

    public Task SavePeopleReleasesAsync(IReadOnlyDictionary<string, string> groups, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Write((c, tx) =>
        {
            foreach (var (key, json) in groups)
            {
                Execute(c, "INSERT INTO people_releases (key, json) VALUES ($key, $json) ON CONFLICT (key) DO UPDATE SET json = excluded.json;",
                    tx, ("$key", key), ("$json", json));
            }
        }, ct);
    }

    /// <summary>Called where appraisal or quiz data of a participant is deleted.</summary>
    private static void CountWithdrawal(SqliteConnection c, SqliteTransaction tx) =>
        Execute(c, "INSERT INTO people_withdrawals (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1;", tx);
}
