using System.Text;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Derives the stored participant key; the raw channel user id never reaches the store.</summary>
public sealed class Participants(IOptions<StudyOptions> options)
{
    private readonly byte[] secret = Encoding.UTF8.GetBytes(options.Value.ParticipantSecret);

    // A turn needs its participant's key more than once and a participant sends many turns; the HMAC was about 2% of
    // a turn's CPU under load (bench/turns).
    private readonly BoundedMemo<(string Channel, string UserId), string> remembered = new(50_000);

    public string KeyOf(Turn turn) => KeyOf(turn.Channel, turn.UserId);

    public string KeyOf(string channel, string userId) =>
        remembered.TryGet((channel, userId), out var key) ? key : remembered.Remember((channel, userId), ParticipantKeys.Derive(secret, channel, userId));
}
