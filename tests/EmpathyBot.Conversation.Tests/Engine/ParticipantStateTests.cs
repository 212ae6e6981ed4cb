using System.Text.Json;
using EmpathyBot.Conversation.Engine;

namespace EmpathyBot.Conversation.Tests.Engine;

public sealed class ParticipantStateTests
{
    /// <summary>State saved before the quiz types took the Understanding name still loads, so an open quiz survives an upgrade.</summary>
    [Fact]
    public void An_open_quiz_saved_under_the_earlier_names_still_loads()
    {
        const string saved = """{"AwaitingReplyTo":null,"Appraisal":null,"Quiz":{"QuizId":"quiz-1","Items":[{"Set":"allocation","ItemId":"a1"}],"Index":0,"Scores":[]}}""";

        var state = JsonSerializer.Deserialize<ParticipantState>(saved)!;

        Assert.Equal("quiz-1", state.Understanding!.TestId);
        Assert.Equal(new UnderstandingItemRef("allocation", "a1"), Assert.Single(state.Understanding.Items));
        Assert.Equal(saved, JsonSerializer.Serialize(state));
    }
}
