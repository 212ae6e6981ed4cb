using System.Text;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Derives the stored participant key; the raw channel user id never reaches the store.</summary>
public sealed class Participants(IOptions<StudyOptions> options)
{
    private readonly byte[] secret = Encoding.UTF8.GetBytes(options.Value.ParticipantSecret);

    public string KeyOf(Turn turn) => KeyOf(turn.Channel, turn.UserId);

    public string KeyOf(string channel, string userId) => ParticipantKeys.Derive(secret, channel, userId);
}
