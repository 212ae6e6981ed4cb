using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    // The prompt to answer and the reply to rate are drawn from the ties at the lowest level. Taking the first tie at
    // or after a random point of the random order (rnd) would favour a tie by the gap before it, so two ties could be
    // 99 to 1. Instead up to this many consecutive ties are read from a random point, wrapping around, and one of them
    // is drawn: with at most this many ties every one is equally likely; with more, each one's chance rests only on
    // random keys, never on the row's text, source or author. Each read tie costs an index walk, so the window is small.
    private const int TieWindow = 4;

    /// <summary>The id of one tie drawn at random, or null when there is none.</summary>
    /// <param name="idColumn">The column that identifies a tie (selected).</param>
    /// <param name="fromWhere">"FROM ... WHERE ..." selecting exactly the ties; <c>$start</c> is bound here.</param>
    /// <param name="orderColumn">The random order the window follows (an indexed rnd column).</param>
    private static string? DrawTie(SqliteConnection c, SqliteTransaction tx, string idColumn, string fromWhere, string orderColumn,
        (string Name, object? Value)[] parameters)
    {
        (string, object?)[] args = [.. parameters, ("$start", Random.Shared.NextInt64())];
        var ties = Query(c, $"SELECT {idColumn} {fromWhere} AND {orderColumn} >= $start ORDER BY {orderColumn} LIMIT {TieWindow};",
            r => r.GetString(0), tx, args);
        if (ties.Count < TieWindow)
        {
            ties.AddRange(Query(c, $"SELECT {idColumn} {fromWhere} AND {orderColumn} < $start ORDER BY {orderColumn} LIMIT {TieWindow - ties.Count};",
                r => r.GetString(0), tx, args));
        }

        return ties.Count == 0 ? null : ties[Random.Shared.Next(ties.Count)];
    }
}
