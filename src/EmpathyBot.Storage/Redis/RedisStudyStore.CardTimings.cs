using System.Runtime.CompilerServices;
using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task CardShownAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default)
    {
        ValidateCard(participant, kind, itemId);
        return Guard(() => EvalAsync(RedisIntegrityScripts.CardShown, participant, kind, itemId, Iso(at)));
    }

    public Task<bool> CardAnsweredAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default)
    {
        ValidateCard(participant, kind, itemId);
        return Guard(async () => (int)await EvalAsync(RedisIntegrityScripts.CardAnswered, participant, kind, itemId, Iso(at)) == 1);
    }

    public Task<CardTiming?> GetCardTimingAsync(string participant, string kind, string itemId, CancellationToken ct = default) => Guard(async () =>
    {
        var field = kind + "|" + itemId + "|";
        var times = await Db.HashGetAsync(keys.Prefix + "cards:" + participant, [field + "shown", field + "answered"]);
        return times[0].IsNull ? null
            : new CardTiming(participant, kind, itemId, ParseIso((string)times[0]!), times[1].IsNull ? null : ParseIso((string)times[1]!));
    });

    public async IAsyncEnumerable<CardTiming> ExportCardTimingsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var participant in await ScanIdsAsync("cards:", ct))
        {
            var entries = (await Guard(() => Db.HashGetAllAsync(keys.Prefix + "cards:" + participant)))
                .ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
            var cards = entries.Keys.Where(k => k.EndsWith("|shown", StringComparison.Ordinal)).Select(k => k[..^"|shown".Length]);
            foreach (var card in cards.Order(StringComparer.Ordinal))
            {
                var bar = card.IndexOf('|');
                var answered = entries.GetValueOrDefault(card + "|answered");
                yield return new CardTiming(participant, card[..bar], card[(bar + 1)..], ParseIso(entries[card + "|shown"]),
                    answered is null ? null : ParseIso(answered));
            }
        }
    }

    private static void ValidateCard(string participant, string kind, string itemId)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        if (kind.Contains('|')) throw new ArgumentException($"A card kind cannot contain '|': '{kind}'.", nameof(kind));
    }
}
