using EmpathyBot.Core.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace EmpathyBot.Core.Tests.Statistics;

public class LogisticRegressionTests
{
    // Oracle: Golden/length_model.py (statsmodels 0.13.5 Logit, Newton, on one row per rating), dataset "ties_small":
    // Good ~ const + [model] + z(ln words), z with the sample SD over the 18 ratings.
    [Fact]
    public void Grouped_rows_match_statsmodels_on_the_expanded_data()
    {
        var fit = Fit(LengthModelData.TiesSmall, "model");

        Assert.Equal(LogisticStatus.Fitted, fit.Status);
        Approx.Equal([0.3011653078210796, -0.5470743697346209, 0.5608858828160461], fit.Coefficients.ToArray());
        Approx.Equal([0.7829874787981844, 1.135147979888011, 0.5850386423108574], fit.StandardErrors.ToArray());
        var words = fit.Wald(2);
        Approx.Equal(1.7522240781372398, words.OddsRatio);
        Approx.Equal(0.5566777313961444, words.Lower);
        Approx.Equal(5.515379988891658, words.Upper);
        Approx.Equal(0.337701856699266, words.P);
    }

    [Fact]
    public void One_row_per_observation_gives_the_same_fit_as_grouped_rows()
    {
        var grouped = Fit(LengthModelData.TiesSmall, "model");
        var expanded = LengthModelData.TiesSmall
            .SelectMany(c => Enumerable.Repeat((c.Source, c.Words, Good: 1.0), (int)c.Good)
                .Concat(Enumerable.Repeat((c.Source, c.Words, Good: 0.0), (int)c.Other)))
            .ToArray();
        var x = Design(expanded.Select(e => (e.Source, e.Words)).ToArray(), "model");

        var single = LogisticRegression.Fit(x, expanded.Select(e => e.Good).ToArray(), expanded.Select(_ => 1.0).ToArray());

        Approx.Equal(grouped.Coefficients.ToArray(), single.Coefficients.ToArray());
        Approx.Equal(grouped.StandardErrors.ToArray(), single.StandardErrors.ToArray());
    }

    [Fact]
    public void Quasi_complete_separation_gives_no_numbers()
    {
        // The second group is all 1s: its coefficient runs off to infinity (statsmodels: no convergence, se ~ 5e5).
        var x = Matrix<double>.Build.DenseOfRowArrays([1, 0, -1], [1, 0, 1], [1, 1, -1], [1, 1, 1]);

        var fit = LogisticRegression.Fit(x, [1, 1, 2, 2], [2, 2, 2, 2]);

        Assert.Equal(LogisticStatus.Separation, fit.Status);
        Assert.Empty(fit.Coefficients);
        Assert.Contains("separation", fit.Reason);
        Assert.Throws<InvalidOperationException>(() => fit.Wald(0));
    }

    [Fact]
    public void Complete_separation_by_the_covariate_gives_no_numbers()
    {
        // Short replies all 0, long ones all 1 (statsmodels raises PerfectSeparationError).
        var x = Matrix<double>.Build.DenseOfRowArrays([1, -1.5], [1, -1], [1, -0.5], [1, 0.5], [1, 1], [1, 1.5]);

        var fit = LogisticRegression.Fit(x, [0, 0, 0, 1, 1, 1], [1, 1, 1, 1, 1, 1]);

        Assert.Equal(LogisticStatus.Separation, fit.Status);
        Assert.Empty(fit.StandardErrors);
    }

    [Fact]
    public void Linearly_dependent_columns_are_singular()
    {
        // The third column is twice the second: the two coefficients are not identified.
        var x = Matrix<double>.Build.DenseOfRowArrays([1, 1, 2], [1, 2, 4], [1, 3, 6]);

        var fit = LogisticRegression.Fit(x, [1, 2, 1], [3, 3, 3]);

        Assert.Equal(LogisticStatus.Singular, fit.Status);
    }

    [Fact]
    public void Observations_not_above_the_coefficients_are_too_few()
    {
        var x = Matrix<double>.Build.DenseOfRowArrays([1, 0], [1, 1]);

        Assert.Equal(LogisticStatus.TooFewObservations, LogisticRegression.Fit(x, [1, 0], [1, 1]).Status);
    }

    [Fact]
    public void Counts_outside_zero_to_trials_are_rejected()
    {
        var x = Matrix<double>.Build.DenseOfRowArrays([1.0], [1.0]);

        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(x, [3, 0], [2, 2]));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(x, [1], [2, 2]));
    }

    private static LogisticFit Fit((string Source, long Words, long Good, long Other)[] data, string other)
    {
        var x = Design(data.Select(c => (c.Source, c.Words)).ToArray(), other, data.Select(c => (double)(c.Good + c.Other)).ToArray());
        return LogisticRegression.Fit(x, data.Select(c => (double)c.Good).ToArray(), data.Select(c => (double)(c.Good + c.Other)).ToArray());
    }

    /// <summary>const, indicator of <paramref name="other"/>, ln(words) z-scored (sample SD) over the weighted rows.</summary>
    private static Matrix<double> Design((string Source, long Words)[] rows, string other, double[]? weights = null)
    {
        weights ??= rows.Select(_ => 1.0).ToArray();
        var log = rows.Select(r => Math.Log(r.Words)).ToArray();
        double n = weights.Sum();
        double mean = log.Select((l, i) => weights[i] * l).Sum() / n;
        double sd = Math.Sqrt(log.Select((l, i) => weights[i] * (l - mean) * (l - mean)).Sum() / (n - 1));
        return Matrix<double>.Build.DenseOfRowArrays(rows.Select((r, i) =>
            new[] { 1, r.Source == other ? 1 : 0, (log[i] - mean) / sd }));
    }
}
