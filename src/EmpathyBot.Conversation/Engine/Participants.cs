using System.Collections.Concurrent;
using System.Text;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Derives the stored participant key; the raw channel user id never reaches the store.</summary>
public sealed class Participants(IOptions<StudyOptions> options)
{
    // A turn needs its participant's key more than once and a participant sends many turns; the HMAC was about 2% of
    // a turn's CPU under load (bench/turns). Bounded: past this many people the memo starts again empty.
    private const int MaxRemembered = 50_000;

    private readonly byte[] secret = Encoding.UTF8.GetBytes(options.Value.ParticipantSecret);
    private readonly ConcurrentDictionary<(string Channel, string UserId), string> remembered = new();

    public string KeyOf(Turn turn) => KeyOf(turn.Channel, turn.UserId);

    public string KeyOf(string channel, string userId)
    {
        if (remembered.TryGetValue((channel, userId), out var key)) return key;
        key = ParticipantKeys.Derive(secret, channel, userId);
        if (remembered.Count >= MaxRemembered) remembered.Clear();
        remembered[(channel, userId)] = key;
        return key;
    }
}
