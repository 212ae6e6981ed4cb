using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Tests.Statistics;

namespace EmpathyBot.Core.Tests.Appraisal;

public class AppraisalAnalysisTests
{
    // Oracle: EmotionBench's hypothesis_testing re-run with scipy 1.10.1: sd += 1e-8; F = larger/smaller variance,
    // p = 2 * (1 - stats.f.cdf(F, df1, df2)); equal_var = p > 0.01; stats.ttest_ind_from_stats(evoked, default, equal_var).
    [Theory]
    [InlineData(20, 5.0, 30, 25, 1.0, 30, 7.195382171661741e-06, "down")] // F p 1.5e-13: Welch
    [InlineData(28.4, 6.2, 40, 31.0, 5.9, 35, 0.06791984350695536, "none")] // F p 0.77: Student
    [InlineData(35.5, 7.5, 12, 30.1, 3.0, 50, 0.030945875264303264, "none")] // F p 5.2e-6: Welch (Student would mark up)
    [InlineData(30, 4.0, 10, 30.5, 4.2, 10, 0.7882556683357345, "none")]
    public void Test_matches_scipy_through_the_F_gate(double m1, double s1, long n1, double m2, double s2, long n2, double p, string mark)
    {
        var (actualP, actualMark) = AppraisalAnalysis.Test(m1, s1, n1, m2, s2, n2);

        Approx.Equal(p, actualP!.Value, 1e-7);
        Assert.Equal(mark, actualMark);
    }

    [Fact]
    public void Summary_of_the_fixture_matches_scipy_per_emotion_and_overall()
    {
        var summary = AppraisalAnalysis.Summarise(AppraisalCsv.Read(new StringReader(AppraisalFixtures.Csv)));

        var human = summary.Sources["human"];
        Assert.Equal(6, human.Default.N);
        Assert.Equal(31.833333333333332, human.Default.PaMean!.Value, 12);
        Check(human.Emotions["Anger"].Change, -4.833333333333332, 0.006733178034146576, "down", 9.899999999999999, 9.572121093680206e-05, "up");
        Check(human.Emotions["Fear"].Change, -9.5, 0.00076987633035399, "down", 17.166666666666668, 7.557760004600246e-06, "up");
        Check(human.Overall, -6.583333333333332, 0.001197999666587145, "down", 12.625, 4.0784845642670303e-05, "up");
        Assert.Equal(2, human.Emotions["Anger"].Factors.Count);
        Assert.Equal(3, human.Emotions["Anger"].Factors["Unfair treatment"].N);

        var gpt = summary.Sources["gpt"];
        Check(gpt.Emotions["Anger"].Change, -10.75, 0.11769257195236739, "none", 11.75, 0.121132057410743, "none");
        Check(gpt.Overall, -8.649999999999999, 0.11860242038846608, "none", 9.350000000000001, 0.12753690705164736, "none");

        // One evoked answer cannot be tested: the change is reported, the p is null and the mark none.
        var fear = gpt.Emotions["Fear"].Change;
        Assert.Equal(1, fear.N);
        Assert.Null(fear.PaP);
        Assert.Equal(AppraisalAnalysis.None, fear.PaMark);
        Assert.Equal(-0.25, fear.PaChange!.Value, 12);
    }

    private static void Check(Core.Summary.AppraisalChange c, double pa, double paP, string paMark, double na, double naP, string naMark)
    {
        Assert.Equal(pa, c.PaChange!.Value, 9);
        Assert.Equal(na, c.NaChange!.Value, 9);
        Approx.Equal(paP, c.PaP!.Value, 1e-7);
        Approx.Equal(naP, c.NaP!.Value, 1e-7);
        Assert.Equal(paMark, c.PaMark);
        Assert.Equal(naMark, c.NaMark);
    }

    [Fact]
    public void Moments_give_exact_sample_sd_from_integer_sums()
    {
        var m = new[] { new PanasScore(32, 14), new PanasScore(35, 12), new PanasScore(29, 15) }
            .Aggregate(AppraisalMoments.Zero, (acc, s) => acc.Add(s));

        Assert.Equal(3, m.N);
        Assert.Equal(32.0, m.PaMean, 12);
        Assert.Equal(3.0, m.PaSd, 12);
        Assert.Equal(1.5275252316519468, m.NaSd, 12);
        Assert.True(double.IsNaN(AppraisalMoments.Of(new PanasScore(10, 10)).PaSd));
    }

    [Theory]
    [InlineData("source,emotion,condition,pa,na\nh,Anger,evoked,20,20", "lacks factor")]
    [InlineData("source,emotion,factor,condition,pa,na\nh,Anger,f,later,20,20", "condition must be default or evoked")]
    [InlineData("source,emotion,factor,condition,pa,na\nh,Anger,f,evoked,51,20", "pa must be a whole number from 10 to 50")]
    [InlineData("source,emotion,factor,condition,pa,na\nh,,f,evoked,30,20", "evoked row needs its emotion")]
    public void Bad_csv_gives_a_clear_message(string csv, string message)
    {
        var e = Assert.Throws<FormatException>(() => AppraisalCsv.Read(new StringReader(csv)));
        Assert.Contains(message, e.Message);
    }

    private static AppraisalCell Cell(string source, string condition, long people, long n, long pa, long na, string emotion = "", string factor = "") =>
        new(source, emotion, factor, condition, new AppraisalMoments(n, pa * n, pa * pa * n + n, na * n, na * na * n + n)) { People = people };

    [Fact]
    public void Peoples_groups_below_the_minimum_are_left_out_of_every_figure_and_marked_withheld()
    {
        AppraisalCell[] cells =
        [
            Cell("human", "default", people: 6, n: 6, pa: 30, na: 12),
            Cell("human", "evoked", people: 5, n: 5, pa: 22, na: 25, "Anger", "Unfair"),
            Cell("human", "evoked", people: 1, n: 1, pa: 10, na: 50, "Anger", "Careless"),
            Cell("human", "evoked", people: 2, n: 3, pa: 15, na: 40, "Fear", "Danger"),
            Cell("gpt", "evoked", people: 0, n: 1, pa: 10, na: 50, "Fear", "Danger"),
            Cell("gpt", "default", people: 0, n: 1, pa: 30, na: 12),
        ];

        var summary = AppraisalAnalysis.Summarise(cells, minGroupSize: 5);

        Assert.Equal(5, summary.MinGroupSize);
        var human = summary.Sources["human"];
        Assert.False(human.Default.Withheld);
        Assert.Equal(30, human.Default.PaMean);
        // Anger: only the group of five counts, so Anger minus Unfair shows nothing of the lone "Careless" answer.
        var anger = human.Emotions["Anger"];
        Assert.Equal((5L, -8.0, true), (anger.Change.N, anger.Change.PaChange!.Value, anger.Change.Withheld));
        Assert.Equal(anger.Change.PaChange, anger.Factors["Unfair"].PaChange);
        Assert.False(anger.Factors["Unfair"].Withheld);
        Assert.Equal((0L, null, null, true), (anger.Factors["Careless"].N, anger.Factors["Careless"].PaChange, anger.Factors["Careless"].NaChange, anger.Factors["Careless"].Withheld));
        // Fear has two people (three answers): withheld everywhere, and the overall change is Anger's group alone.
        Assert.Equal((null, true), (human.Emotions["Fear"].Change.PaChange, human.Emotions["Fear"].Change.Withheld));
        Assert.Equal((5L, -8.0), (human.Overall.N, human.Overall.PaChange!.Value));
        // Contenders are not people: every answer counts.
        Assert.Equal((-20.0, false), (summary.Sources["gpt"].Overall.PaChange!.Value, summary.Sources["gpt"].Overall.Withheld));
    }

    [Fact]
    public void A_small_default_group_withholds_every_change_of_people()
    {
        AppraisalCell[] cells =
        [
            Cell("human", "default", people: 4, n: 4, pa: 30, na: 12),
            Cell("human", "evoked", people: 9, n: 9, pa: 22, na: 25, "Anger", "Unfair"),
        ];

        var human = AppraisalAnalysis.Summarise(cells, minGroupSize: 5).Sources["human"];

        Assert.Equal((0L, null, null, true), (human.Default.N, human.Default.PaMean, human.Default.NaSd, human.Default.Withheld));
        Assert.Equal((null, null, true), (human.Overall.PaChange, human.Overall.PaP, human.Overall.Withheld));
        Assert.True(AppraisalAnalysis.Summarise(cells, minGroupSize: 4).Sources["human"].Overall.PaChange is -8.0);
    }
}
