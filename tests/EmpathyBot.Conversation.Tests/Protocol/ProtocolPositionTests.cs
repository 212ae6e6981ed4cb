using EmpathyBot.Conversation.Engine;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Tests.Protocol;

public sealed class ProtocolPositionTests
{
    private static readonly List<ProtocolStep> Steps =
    [
        new() { Step = "respond", Count = 2 },
        new() { Step = "rate", Count = 10 },
        new() { Step = "quiz" },
        new() { Step = "appraisal" },
        new() { Step = "rate", Count = 2 },
    ];

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, "Step 1 of 5 · reply 1 of 2")]
    [InlineData(1, 0, 0, 0, 0, 1, "Step 1 of 5 · reply 2 of 2")]
    [InlineData(2, 2, 0, 0, 1, 2, "Step 2 of 5 · rating 3 of 10")]
    [InlineData(5, 10, 0, 0, 2, 0, "Step 3 of 5 · quiz")]
    [InlineData(2, 10, 1, 0, 3, 0, "Step 4 of 5 · feelings check")]
    // A kind that comes back later needs the counts of its earlier steps first.
    [InlineData(2, 11, 1, 1, 4, 1, "Step 5 of 5 · rating 2 of 2")]
    public void The_current_step_follows_from_the_stored_counts(int replies, int ratings, int quizzes, int appraisals, int index, int done, string line)
    {
        var position = ProtocolPosition.Locate(Steps, new ParticipantActivity(replies, ratings, quizzes, appraisals));
        Assert.Equal(index, position.Index);
        Assert.Equal(done, position.Done);
        Assert.Equal(line, position.Line());
    }

    [Fact]
    public void Every_count_reached_completes_the_protocol()
    {
        Assert.True(ProtocolPosition.Locate(Steps, new ParticipantActivity(2, 12, 1, 1)).Complete);
        Assert.False(ProtocolPosition.Locate(Steps, new ParticipantActivity(2, 11, 1, 1)).Complete);
    }

    [Fact]
    public void An_excluded_rater_skips_every_rate_step_left_and_nothing_else()
    {
        Assert.Equal("quiz", ProtocolPosition.Locate(Steps, new ParticipantActivity(2, 3, 0, 0, RaterExcluded: true)).Step);
        Assert.Equal("respond", ProtocolPosition.Locate(Steps, new ParticipantActivity(1, 0, 0, 0, RaterExcluded: true)).Step);
        Assert.True(ProtocolPosition.Locate(Steps, new ParticipantActivity(2, 3, 1, 1, RaterExcluded: true)).Complete);
    }
}
