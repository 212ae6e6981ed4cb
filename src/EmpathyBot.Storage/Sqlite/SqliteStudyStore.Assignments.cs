using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Assignments schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   source_assignments(rater, source, at)   PK rater; index on source for the per-source counts
//
// Between-subjects rating: a rater's one source. Assigned in a BEGIN IMMEDIATE transaction, so processes sharing the
// file serialise on the count they balance.
public sealed partial class SqliteStudyStore
{
    private const string AssignmentsSchema = """
        CREATE TABLE IF NOT EXISTS source_assignments (
            rater TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS source_assignments_by_source ON source_assignments (source);
        """;

    private static void MigrateAssignments(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, AssignmentsSchema, tx);

    public Task<string?> AssignSourceAsync(string rater, int targetPerReply, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Write((c, tx) =>
        {
            if (AssignedSource(c, tx, rater) is { } assigned) return assigned;

            // Sources with replies in the pool, fewest assigned raters first.
            var candidates = Query(c, """
                SELECT s.source, (SELECT COUNT(*) FROM source_assignments a WHERE a.source = s.source) AS n
                FROM (SELECT DISTINCT source FROM replies WHERE excluded_reason IS NULL AND ratings < $target) s
                ORDER BY n;
                """, r => (Source: r.GetString(0), Raters: r.GetInt64(1)), tx, ("$target", targetPerReply));
            if (candidates.Count == 0) return null;
            var fewest = candidates.Where(x => x.Raters == candidates[0].Raters).ToArray();
            var source = fewest[Random.Shared.Next(fewest.Length)].Source;
            Execute(c, "INSERT INTO source_assignments (rater, source, at) VALUES ($rater, $source, $at);", tx,
                ("$rater", rater), ("$source", source), ("$at", at.UtcTicks));
            return source;
        }, ct);
    }

    public Task<string?> GetAssignedSourceAsync(string rater, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Lookup(c => AssignedSource(c, null, rater), ct);
    }

    public Task<IReadOnlyDictionary<string, long>> GetAssignmentCountsAsync(CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, long>>(c =>
            Query(c, "SELECT source, COUNT(*) FROM source_assignments GROUP BY source ORDER BY source;", r => (r.GetString(0), r.GetInt64(1)))
                .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal), ct);

    public Task<Reply?> NextReplyFromSourceAsync(string rater, string source, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (targetPerReply <= 0) return Task.FromResult<Reply?>(null);
        return Write((c, tx) =>
        {
            var reply = PickReplyToRate(c, tx, rater, targetPerReply, source);
            if (reply is not null) OfferCard(c, tx, rater, reply, goldId, shownAt);
            return reply;
        }, ct);
    }

    public IAsyncEnumerable<SourceAssignment> ExportSourceAssignmentsAsync(CancellationToken ct = default) =>
        Stream("SELECT rater, source, at FROM source_assignments ORDER BY rater;",
            r => new SourceAssignment(r.GetString(0), r.GetString(1), FromTicks(r.GetInt64(2))), ct);

    private static string? AssignedSource(SqliteConnection c, SqliteTransaction? tx, string rater) =>
        Scalar(c, "SELECT source FROM source_assignments WHERE rater = $rater;", tx, ("$rater", rater)) as string;

    private static void ForgetAssignment(SqliteConnection c, SqliteTransaction tx, string participant) =>
        Execute(c, "DELETE FROM source_assignments WHERE rater = $p;", tx, ("$p", participant));
}
