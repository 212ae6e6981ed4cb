using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private const string PromptColumns = "p.id, p.emotion, p.situation, p.utterance, p.set_name";

    public Task<int> UpsertPromptsAsync(IReadOnlyCollection<StudyPrompt> prompts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        foreach (var prompt in prompts)
        {
            ValidatePrompt(prompt);
        }

        return Write((c, tx) =>
        {
            using var upsert = PromptUpsertCommand(c, tx);
            return prompts.Count(prompt => UpsertPrompt(upsert, prompt));
        }, ct);
    }

    public Task<StudyPrompt?> GetPromptAsync(string promptId, CancellationToken ct = default) => Lookup(c =>
        Query(c, $"SELECT {PromptColumns} FROM prompts p WHERE p.id = $id;", ReadPrompt, null, ("$id", promptId))
            .FirstOrDefault(), ct);

    public Task<IReadOnlyList<StudyPrompt>> GetPromptsAsync(string set, CancellationToken ct = default) => Read<IReadOnlyList<StudyPrompt>>(c =>
        Query(c, $"SELECT {PromptColumns} FROM prompts p WHERE p.set_name = $set ORDER BY p.id;", ReadPrompt, null, ("$set", set)), ct);

    public Task<IReadOnlyDictionary<string, int>> GetPromptSetsAsync(CancellationToken ct = default) => Read<IReadOnlyDictionary<string, int>>(c =>
        Query(c, "SELECT set_name, count(*) FROM prompts GROUP BY set_name ORDER BY set_name;",
                r => (Set: r.GetString(0), Count: r.GetInt32(1)))
            .ToDictionary(x => x.Set, x => x.Count, StringComparer.Ordinal), ct);

    public Task<StudyPrompt?> NextPromptToAnswerAsync(string set, string participant, CancellationToken ct = default) => Lookup(c =>
    {
        // Index walks over (set_name, human_replies, rnd): find the lowest level with an unanswered prompt, then draw
        // one of its ties (SqliteStudyStore.Ties.cs).
        const string Unanswered =
            "p.set_name = $set AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.author = $who AND r.prompt_id = p.id)";
        using var tx = c.BeginTransaction(deferred: true);
        var level = Scalar(c, $"SELECT p.human_replies FROM prompts p WHERE {Unanswered} ORDER BY p.human_replies LIMIT 1;",
            tx, ("$set", set), ("$who", participant));
        if (level is null) return null;

        (string, object?)[] args = [("$set", set), ("$who", participant), ("$level", level)];
        return DrawTie(c, tx, "p.id", $"FROM prompts p WHERE {Unanswered} AND p.human_replies = $level", "p.rnd", args) is { } id
            ? Query(c, $"SELECT {PromptColumns} FROM prompts p WHERE p.id = $id;", ReadPrompt, tx, ("$id", id))[0]
            : null;
    }, ct);

    private static void ValidatePrompt(StudyPrompt prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt.Id)) throw new ArgumentException("A prompt needs an id.", nameof(prompt));
        if (string.IsNullOrWhiteSpace(prompt.Set)) throw new ArgumentException($"Prompt '{prompt.Id}' needs a set.", nameof(prompt));
        if (string.IsNullOrWhiteSpace(prompt.Emotion)) throw new ArgumentException($"Prompt '{prompt.Id}' needs an emotion.", nameof(prompt));
    }

    private static SqliteCommand PromptUpsertCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var command = Command(c, """
            INSERT INTO prompts (id, set_name, emotion, situation, utterance, rnd)
            VALUES ($id, $set, $emotion, $situation, $utterance, $rnd)
            ON CONFLICT (id) DO UPDATE SET set_name = excluded.set_name, emotion = excluded.emotion,
                situation = excluded.situation, utterance = excluded.utterance
            RETURNING (rnd = $rnd);
            """, tx);
        foreach (var name in new[] { "$id", "$set", "$emotion", "$situation", "$utterance", "$rnd" })
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    /// <summary>True when the prompt was new (the random key we offered was the one kept).</summary>
    private static bool UpsertPrompt(SqliteCommand upsert, StudyPrompt prompt)
    {
        var rnd = Random.Shared.NextInt64();
        upsert.Parameters["$id"].Value = prompt.Id;
        upsert.Parameters["$set"].Value = prompt.Set;
        upsert.Parameters["$emotion"].Value = prompt.Emotion;
        upsert.Parameters["$situation"].Value = prompt.Situation ?? "";
        upsert.Parameters["$utterance"].Value = prompt.Utterance ?? "";
        upsert.Parameters["$rnd"].Value = rnd;
        return Convert.ToInt64(upsert.ExecuteScalar()) == 1;
    }

    private static StudyPrompt ReadPrompt(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));
}
