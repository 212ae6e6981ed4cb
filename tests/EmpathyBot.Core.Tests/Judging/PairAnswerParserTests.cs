using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Tests.Judging;

public class PairAnswerParserTests
{
    [Theory]
    [InlineData("A", BattleWinner.A)]
    [InlineData(" b.\n", BattleWinner.B)]
    [InlineData("TIE", BattleWinner.Tie)]
    [InlineData("Both bad", BattleWinner.BothBad)]
    [InlineData("both-bad", BattleWinner.BothBad)]
    [InlineData("**Reply A**", BattleWinner.A)]
    [InlineData("Answer: B. Reply B is warmer.", BattleWinner.B)]
    public void Parse_reads_the_first_answer_token_in_the_order_shown(string answer, BattleWinner expected) =>
        Assert.Equal(expected, PairAnswerParser.Parse(answer));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Neither")]
    [InlineData("Both")]
    [InlineData("That one")]
    [InlineData("A, not B")]
    [InlineData("Tie, both bad really")]
    [InlineData("B is a better reply")]
    public void Parse_none_or_conflicting_tokens_is_unparseable(string? answer) => Assert.Null(PairAnswerParser.Parse(answer));

    [Fact]
    public void A_verdict_given_on_the_swapped_order_maps_back_to_the_pair()
    {
        Assert.Equal(BattleWinner.B, PairVerdict.FromShown(BattleWinner.A, PairOrder.BA));
        Assert.Equal(BattleWinner.A, PairVerdict.FromShown(BattleWinner.A, PairOrder.AB));
        Assert.Equal(BattleWinner.Tie, PairVerdict.FromShown(BattleWinner.Tie, PairOrder.BA));
        Assert.Null(PairVerdict.FromShown(null, PairOrder.BA));
    }
}
