using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Tests.Statistics;

namespace EmpathyBot.Core.Tests.Judging;

/// <summary>Every figure pinned to sklearn 1.2.1 / scipy 1.10.1 over the same replies (Golden/judging.py).</summary>
public class JudgingAnalysisTests
{
    private const RatingValue G = RatingValue.Good, O = RatingValue.Okay, B = RatingValue.Bad;

    private static readonly (string Id, string Source, string Emotion, RatingValue?[] Verdicts, int Good, int Okay, int Bad)[] Replies =
    [
        ("r01", "human", "afraid", [G, G], 2, 1, 0),
        ("r02", "human", "afraid", [O, O], 0, 2, 1),
        ("r03", "gpt", "afraid", [G, G], 3, 0, 0),
        ("r04", "gpt", "angry", [B, O], 0, 1, 2),
        ("r05", "gpt", "angry", [G, G], 1, 1, 1),
        ("r06", "baseline", "angry", [B, B], 0, 0, 2),
        ("r07", "baseline", "afraid", [O], 1, 2, 0),
        ("r08", "llama", "angry", [G], 2, 0, 1),
        ("r09", "llama", "afraid", [O], 0, 1, 1),
        ("r10", "human", "angry", [B], 1, 0, 0),
        ("r11", "llama", "afraid", [G], 0, 0, 0),
        ("r12", "gpt", "afraid", [null, G], 0, 1, 0),
        ("r13", "gpt", "joyful", [G], 1, 0, 0),
    ];

    private static List<JudgedReplyRow> Rows(string judge) =>
        Replies.SelectMany(r => r.Verdicts.Select((v, i) => new JudgedReplyRow(r.Id, r.Source, r.Emotion, judge, i, v, r.Good, r.Okay, r.Bad))).ToList();

    private static List<AgreementProfile> Profiles() =>
        Replies.Where(r => r.Good + r.Okay + r.Bad > 0)
            .GroupBy(r => (r.Good, r.Okay, r.Bad))
            .Select(g => new AgreementProfile(g.Key.Good, g.Key.Okay, g.Key.Bad, g.Count())).ToList();

    private static JudgingSummary Build() =>
        JudgingAnalysis.Build(Rows("j1"), Profiles(), new Dictionary<string, string?> { ["j1"] = "gpt" });

    [Fact]
    public void Kappa_Pairs_AndExactAgreement_MatchSklearn()
    {
        var j = Build().Judges["j1"];
        Assert.Equal(28, j.Pairs);
        Approx.Equal(0.49042145593869735, j.Kappa!.Value);
        Approx.Equal(0.6428571428571429, j.ExactAgreement!.Value);
        Assert.Equal(19, j.Ratings);
        Assert.Equal(1, j.Unparseable);
    }

    [Fact]
    public void GoodRates_RankCorrelation_AndSelfPreference_MatchScipy()
    {
        var j = Build().Judges["j1"];
        Approx.Equal([0.0, 0.8, 0.3333333333333333, 0.6666666666666666], j.GoodRates.Values.ToList());
        Assert.Equal(["baseline", "gpt", "human", "llama"], j.GoodRates.Keys);
        Approx.Equal([0.2, 0.45454545454545453, 0.42857142857142855, 0.4], j.PeopleGoodRates.Values.ToList());
        Approx.Equal(0.7999999999999999, j.RankCorrelation!.Value);
        Approx.Equal(0.3233957219251338, j.SelfPreference!.Value);
    }

    [Fact]
    public void TestRetest_AndHumanCeiling_MatchSklearn()
    {
        var summary = Build();
        Approx.Equal(0.88, summary.Judges["j1"].TestRetestKappa!.Value);
        Assert.Equal(23, summary.HumanPairs);
        Approx.Equal(0.24482512491077812, summary.HumanHumanKappa!.Value);
    }

    [Fact]
    public void PerEmotion_KappaShownFromTenPairsUp()
    {
        var emotions = Build().Emotions;
        Assert.Equal(15, emotions["afraid"].Judges["j1"].Pairs);
        Approx.Equal(0.5562130177514792, emotions["afraid"].Judges["j1"].Kappa!.Value);
        Approx.Equal(0.36363636363636365, emotions["angry"].Judges["j1"].Kappa!.Value);
        Assert.Equal(1, emotions["joyful"].Judges["j1"].Pairs);
        Assert.Null(emotions["joyful"].Judges["j1"].Kappa);
    }

    [Fact]
    public void KappaCi_FixedSeed_IsReproducible_AndHoldsTheEstimate()
    {
        var first = Build().Judges["j1"];
        var again = Build().Judges["j1"];
        Assert.Equal(first.KappaCi, again.KappaCi);
        Assert.InRange(first.Kappa!.Value, first.KappaCi![0], first.KappaCi[1]);
    }

    [Fact]
    public void WithoutSelfContender_OrSecondRepeat_ThoseFiguresAreNull()
    {
        var rows = Rows("j2").Where(r => r.Repeat == 0).ToList();
        var j = JudgingAnalysis.Build(rows, Profiles(), new Dictionary<string, string?>()).Judges["j2"];
        Assert.Null(j.SelfPreference);
        Assert.Null(j.TestRetestKappa);
    }
}
