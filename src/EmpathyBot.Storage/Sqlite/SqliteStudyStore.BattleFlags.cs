using EmpathyBot.Core.Integrity;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

//   battle_flags(battle_id PK, flag, seconds)   a stored verdict that does not count (tooFast), as rating_flags for ratings
//
// A separate table, so battles keep their shape; a trigger drops the flag with its battle (forget, reply removal).
public sealed partial class SqliteStudyStore
{
    private const string BattleFlagsSchema = """

        CREATE TABLE IF NOT EXISTS battle_flags (
            battle_id TEXT NOT NULL PRIMARY KEY,
            flag TEXT NOT NULL,
            seconds REAL NOT NULL
        ) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS tr_battle_flags_battle_removed AFTER DELETE ON battles
        BEGIN
            DELETE FROM battle_flags WHERE battle_id = OLD.id;
        END;
        """;

    private static void FlagBattle(SqliteConnection c, SqliteTransaction tx, string battleId, double seconds) =>
        Execute(c, "INSERT INTO battle_flags (battle_id, flag, seconds) VALUES ($id, $f, $s) ON CONFLICT DO NOTHING;", tx,
            ("$id", battleId), ("$f", ExclusionReasons.TooFast), ("$s", seconds));
}
