using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Tests.Judging;

public class JudgeAnswerParserTests
{
    [Theory]
    [InlineData("Good", RatingValue.Good)]
    [InlineData("  okay.\n", RatingValue.Okay)]
    [InlineData("BAD", RatingValue.Bad)]
    [InlineData("Rating: Good. It is good because it listens.", RatingValue.Good)]
    [InlineData("**Okay**", RatingValue.Okay)]
    public void Parse_ReadsTheRatingWord(string answer, RatingValue expected) => Assert.Equal(expected, JudgeAnswerParser.Parse(answer));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Excellent")]
    [InlineData("goodness me")]
    [InlineData("badly written")]
    [InlineData("Not bad, but good")]
    [InlineData("okay or good")]
    public void Parse_NoneOrConflicting_IsUnparseable(string? answer) => Assert.Null(JudgeAnswerParser.Parse(answer));
}
