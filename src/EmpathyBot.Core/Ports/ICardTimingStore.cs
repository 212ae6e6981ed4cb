using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Core.Ports;

/// <summary>When each card was shown and answered (replies, ratings, quiz and feelings-check answers). "forget me" deletes them.</summary>
public interface ICardTimingStore
{
    /// <summary>Records that the card was shown; the first showing stands (a card shown again keeps its first time).</summary>
    Task CardShownAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records the answer time of a shown card; the first answer stands. False when the card was never shown.</summary>
    Task<bool> CardAnsweredAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default);

    Task<CardTiming?> GetCardTimingAsync(string participant, string kind, string itemId, CancellationToken ct = default);

    /// <summary>Every card timing, ordered by participant, kind and item, streamed for the full export.</summary>
    IAsyncEnumerable<CardTiming> ExportCardTimingsAsync(CancellationToken ct = default);
}
