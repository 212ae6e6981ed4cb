using EmpathyBot.Conversation;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Tests.Engine;

public sealed class ParticipantsTests
{
    [Fact]
    public void Remembered_keys_are_the_derived_ones_for_every_person_even_past_the_memo_bound()
    {
        var participants = new Participants(Options.Create(new StudyOptions { ParticipantSecret = "test-secret" }));
        // Twice over more people than the memo holds: every key, first asked or asked again, is the keyed hash.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 120_000; i++)
            {
                Assert.Equal(ParticipantKeys.Derive("test-secret"u8, "msteams", $"user-{i}"), participants.KeyOf("msteams", $"user-{i}"));
            }
        }

        // The channel is part of the key: the same user id on another channel is another person.
        Assert.NotEqual(participants.KeyOf("msteams", "user-1"), participants.KeyOf("slack", "user-1"));
    }
}
