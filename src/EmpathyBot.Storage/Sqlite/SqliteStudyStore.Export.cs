using System.Runtime.CompilerServices;
using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// The full export: one streamed query per table, in the open export snapshot (SqliteStudyStore.Snapshot.cs), else in a
// read transaction of its own, so a table is one consistent snapshot even while the bot keeps writing. Rows are mapped
// by the same readers the ports use elsewhere.
public sealed partial class SqliteStudyStore
{
    public IAsyncEnumerable<ParticipantConsent> ExportConsentsAsync(CancellationToken ct = default) =>
        Stream("SELECT participant, at FROM consents ORDER BY participant;",
            r => new ParticipantConsent(r.GetString(0), FromTicks(r.GetInt64(1))), ct);

    public IAsyncEnumerable<StudyPrompt> ExportPromptsAsync(CancellationToken ct = default) =>
        Stream("SELECT id, emotion, situation, utterance, set_name FROM prompts ORDER BY id;",
            r => new StudyPrompt(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ct);

    public IAsyncEnumerable<Reply> ExportRepliesAsync(CancellationToken ct = default) =>
        Stream($"SELECT {ReplyColumns} FROM replies r ORDER BY r.id;", ReadReply, ct);

    public IAsyncEnumerable<RatingOffer> ExportRatingOffersAsync(CancellationToken ct = default) =>
        Stream("SELECT rater, item_id, kind FROM rating_offers ORDER BY rater, item_id;",
            r => new RatingOffer(r.GetString(0), r.GetString(1), (RatingOfferKind)r.GetInt32(2)), ct);

    public IAsyncEnumerable<AttentionCheck> ExportAttentionChecksAsync(CancellationToken ct = default) =>
        Stream("SELECT rater, check_id, passed, at FROM attention_checks ORDER BY rater, check_id;",
            r => new AttentionCheck(r.GetString(0), r.GetString(1), r.GetInt64(2) == 1, FromTicks(r.GetInt64(3))), ct);

    public IAsyncEnumerable<UnderstandingAnswer> ExportUnderstandingAnswersAsync(CancellationToken ct = default) =>
        Stream("SELECT id, source, participant, set_name, item_id, vals, score, at FROM understanding_answers ORDER BY id;", ReadAnswer, ct);

    public IAsyncEnumerable<UnderstandingTest> ExportUnderstandingTestsAsync(CancellationToken ct = default) =>
        Stream("SELECT id, source, participant, set_name, items, score, at FROM understanding_tests ORDER BY id;",
            r => new UnderstandingTest(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetInt32(4),
                r.GetDouble(5), FromTicks(r.GetInt64(6))), ct);

    public IAsyncEnumerable<AppraisalAnswer> ExportAppraisalAnswersAsync(CancellationToken ct = default) =>
        Stream("""
            SELECT id, source, participant, condition, emotion, factor, situation_set, situation_id, pa, na, items, at
            FROM appraisal_answers ORDER BY id;
            """,
            r => new AppraisalAnswer(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4), r.GetString(5),
                NullableString(r, 6), NullableString(r, 7), new PanasScore(r.GetInt32(8), r.GetInt32(9)),
                JsonSerializer.Deserialize<int[]>(r.GetString(10)) ?? [], FromTicks(r.GetInt64(11))), ct);

    private async IAsyncEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> map, [EnumeratorCancellation] CancellationToken ct)
    {
        var (source, owned) = ExportReader();
        try
        {
            await using var command = Command(source.Connection, sql, source.Transaction);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) yield return map(reader);
        }
        finally
        {
            if (owned) source.Dispose();
        }
    }
}
