using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Tests.Golden;

namespace EmpathyBot.Core.Tests.Statistics;

/// <summary>
/// The fits against Golden/bradley_terry.py: scipy 1.10.1 BFGS on the negative log-likelihood, cross-checked with
/// statsmodels 0.13.5 GLM Binomial (fractional responses for ties and both-bad), to 1e-6 on the rating scale.
/// </summary>
public class BradleyTerryGoldenTests
{
    private const double Tolerance = 1e-6;

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Raw_fit_with_ties_and_both_bad_is_anchored_at_people()
    {
        var ratings = BradleyTerry.FitBattles(GoldenBattles.Battles(), anchor: "human");

        Assert.Equal(1000, ratings["human"]);
        Near(820.2490734575327, ratings["baseline"]);
        Near(1001.3699422228843, ratings["claude"]);
        Near(1013.0796097805684, ratings["gpt"]);
    }

    [Fact]
    public void Without_the_anchor_the_mean_is_1000()
    {
        var ratings = BradleyTerry.FitBattles(GoldenBattles.Battles(r => r.A != "human" && r.B != "human"), anchor: "human");

        Near(868.3542244785824, ratings["baseline"]);
        Near(1042.3355593055278, ratings["claude"]);
        Near(1089.3102162158898, ratings["gpt"]);
        Near(1000, ratings.Values.Average());
    }

    [Fact]
    public void Style_controlled_fit_matches_the_logistic_regression_with_a_length_covariate()
    {
        var fit = BradleyTerry.FitStyled(GoldenBattles.Battles(), anchor: "human");

        Assert.Equal(1000, fit.Ratings["human"]);
        Near(813.8042567053428, fit.Ratings["baseline"]);
        Near(998.1864428514727, fit.Ratings["claude"]);
        Near(994.284927543213, fit.Ratings["gpt"]);
        Assert.True(Math.Abs(1.2620994751926187 - fit.Coefficient) <= 1e-9, $"coefficient {fit.Coefficient:R}");
    }

    [Fact]
    public void A_source_that_never_lost_has_no_rating_and_the_reason_says_so()
    {
        // scipy's BFGS on these data walks theta_x off towards infinity (the script prints it).
        Battle[] battles =
        [
            new("x", "y", BattleOutcome.WinA), new("x", "y", BattleOutcome.WinA), new("x", "y", BattleOutcome.WinA),
            new("y", "z", BattleOutcome.WinA), new("y", "z", BattleOutcome.WinB),
        ];

        var raw = Assert.Throws<NoMaximumLikelihoodException>(() => BradleyTerry.FitBattles(battles, anchor: "x"));
        Assert.Contains("'x' never lost or tied", raw.Message);
        Assert.Throws<NoMaximumLikelihoodException>(() => BradleyTerry.FitStyled(battles.Select(b => b with { Style = 0.1 }).ToList()));
    }

    [Fact]
    public void Disconnected_comparisons_have_no_common_scale()
    {
        Battle[] battles = [new("a", "b", BattleOutcome.WinA), new("a", "b", BattleOutcome.WinB), new("c", "d", BattleOutcome.Tie)];

        var e = Assert.Throws<NoMaximumLikelihoodException>(() => BradleyTerry.FitBattles(battles));
        Assert.Contains("groups", e.Message);
    }

    [Fact]
    public void When_length_predicts_every_outcome_the_style_fit_does_not_exist()
    {
        // The longer reply always wins, both ways round: the length coefficient would be infinite.
        Battle[] battles =
        [
            new("a", "b", BattleOutcome.WinA, 0.5), new("a", "b", BattleOutcome.WinB, -0.5),
            new("a", "b", BattleOutcome.WinA, 0.2), new("a", "b", BattleOutcome.WinB, -0.3),
        ];

        Assert.Throws<NoMaximumLikelihoodException>(() => BradleyTerry.FitStyled(battles));
        Assert.Equal(1000, BradleyTerry.FitBattles(battles)["a"], 9);
    }

    [Fact]
    public void Bootstrap_anchors_every_resample_and_brackets_the_point_fit()
    {
        var battles = GoldenBattles.Battles();

        var raw = BradleyTerry.Bootstrap(battles, rounds: 100, seed: 42, anchor: "human");
        var styled = BradleyTerry.BootstrapStyled(battles, rounds: 100, seed: 42, anchor: "human");

        Assert.Equal(new RatingInterval(1000, 1000, 1000), raw["human"]);
        Near(820.2490734575327, raw["baseline"].Rating);
        Near(813.8042567053428, styled.Ratings["baseline"].Rating);
        Assert.All(raw.Values.Concat(styled.Ratings.Values), i => Assert.InRange(i.Rating, i.Lower, i.Upper));
        Assert.True(raw["baseline"].Upper - raw["baseline"].Lower > 50);
        Assert.Equal(raw, BradleyTerry.Bootstrap(battles, rounds: 100, seed: 42, anchor: "human"));
    }
}
