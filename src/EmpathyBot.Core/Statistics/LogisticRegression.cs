using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace EmpathyBot.Core.Statistics;

/// <summary>
/// Binary logistic regression by IRLS (Newton-Raphson on the log-likelihood), with rows that may stand for several
/// identical observations: row i has covariates x_i, <c>trials</c>[i] observations and <c>successes</c>[i] of them 1.
/// The estimates, standard errors and Wald tests equal statsmodels' <c>Logit</c> on the expanded data. When the
/// maximum-likelihood estimate does not exist or cannot be found, the fit says why and carries no numbers.
/// </summary>
public static class LogisticRegression
{
    public const int MaxIterations = 100;

    // Newton converges quadratically: once a step is this small the estimate is exact to rounding.
    private const double StepTolerance = 1e-10;

    // A linear predictor this far out means a fitted probability within e^-25 (~1e-11) of 0 or 1: some
    // observations are predicted perfectly, the signature of (quasi-)complete separation. No finite estimate
    // a real study produces gets near it (the covariates are indicators and one z-score).
    private const double SeparationBound = 25;

    // Columns this close to linearly dependent (smallest / largest singular value) leave a coefficient unidentified.
    private const double RankTolerance = 1e-10;

    public static LogisticFit Fit(Matrix<double> x, IReadOnlyList<double> successes, IReadOnlyList<double> trials)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(successes);
        ArgumentNullException.ThrowIfNull(trials);
        if (successes.Count != x.RowCount || trials.Count != x.RowCount)
        {
            throw new ArgumentException("Need one success count and one trial count per row of the design.", nameof(trials));
        }

        for (int i = 0; i < x.RowCount; i++)
        {
            if (!(trials[i] >= 0 && successes[i] >= 0 && successes[i] <= trials[i]))
            {
                throw new ArgumentException($"Row {i}: need 0 <= successes <= trials.", nameof(successes));
            }
        }

        var s = Vector<double>.Build.DenseOfEnumerable(successes);
        var n = Vector<double>.Build.DenseOfEnumerable(trials);
        if (n.Sum() <= x.ColumnCount)
        {
            return LogisticFit.Failed(LogisticStatus.TooFewObservations,
                string.Create(CultureInfo.InvariantCulture, $"{n.Sum()} observations cannot identify {x.ColumnCount} coefficients."));
        }

        if (!FullRank(x, n))
        {
            return LogisticFit.Failed(LogisticStatus.Singular,
                "The covariates are linearly dependent (a column is a combination of the others), so some coefficient is not identified.");
        }

        return Newton(x, s, n);
    }

    private static LogisticFit Newton(Matrix<double> x, Vector<double> s, Vector<double> n)
    {
        var beta = Vector<double>.Build.Dense(x.ColumnCount);
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var (gradient, information) = Derivatives(x, s, n, beta);
            Vector<double> step;
            try
            {
                step = information.Cholesky().Solve(gradient);
            }
            catch (ArgumentException)
            {
                // Diverging coefficients drive the weights p(1 - p) to zero, which also makes the information singular.
                return Separated(x, n, beta) ? Separation() : LogisticFit.Failed(LogisticStatus.Singular, "The information matrix became singular during the fit.");
            }

            beta += step;
            if (step.AbsoluteMaximum() < StepTolerance)
            {
                return Separated(x, n, beta) ? Separation() : Converged(x, s, n, beta, iteration);
            }
        }

        // Under separation Newton keeps stepping towards infinity and never meets the tolerance.
        return Separated(x, n, beta) ? Separation() : LogisticFit.Failed(LogisticStatus.NotConverged, $"The fit did not converge in {MaxIterations} Newton steps.");
    }

    private static LogisticFit Separation() => LogisticFit.Failed(LogisticStatus.Separation,
        "Some ratings are predicted perfectly (separation): the maximum-likelihood estimate does not exist.");

    private static LogisticFit Converged(Matrix<double> x, Vector<double> s, Vector<double> n, Vector<double> beta, int iterations)
    {
        var (_, information) = Derivatives(x, s, n, beta);
        Matrix<double> covariance;
        try
        {
            covariance = information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(beta.Count));
        }
        catch (ArgumentException)
        {
            return LogisticFit.Failed(LogisticStatus.Singular, "The information matrix is singular at the estimate.");
        }

        var errors = covariance.Diagonal().Select(Math.Sqrt).ToArray();
        return new LogisticFit(LogisticStatus.Fitted, null, beta.ToArray(), errors, iterations);
    }

    /// <summary>Score X'(s - n p) and information X' diag(n p (1 - p)) X at <paramref name="beta"/>.</summary>
    private static (Vector<double> Gradient, Matrix<double> Information) Derivatives(
        Matrix<double> x, Vector<double> s, Vector<double> n, Vector<double> beta)
    {
        var eta = x * beta;
        var residual = Vector<double>.Build.Dense(x.RowCount);
        var weighted = x.Clone();
        for (int i = 0; i < x.RowCount; i++)
        {
            double p = Logistic(eta[i]);
            residual[i] = s[i] - (n[i] * p);
            weighted.SetRow(i, x.Row(i) * (n[i] * p * (1 - p)));
        }

        return (x.TransposeThisAndMultiply(residual), x.TransposeThisAndMultiply(weighted));
    }

    // Numerically stable on both tails.
    private static double Logistic(double eta) =>
        eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    private static bool Separated(Matrix<double> x, Vector<double> n, Vector<double> beta)
    {
        var eta = x * beta;
        for (int i = 0; i < x.RowCount; i++)
        {
            if (n[i] > 0 && !(Math.Abs(eta[i]) < SeparationBound)) return true; // NaN counts as diverged too
        }

        return false;
    }

    /// <summary>Full column rank over the rows that hold observations.</summary>
    private static bool FullRank(Matrix<double> x, Vector<double> n)
    {
        var used = Enumerable.Range(0, x.RowCount).Where(i => n[i] > 0).Select(x.Row).ToArray();
        if (used.Length < x.ColumnCount) return false;
        var singular = Matrix<double>.Build.DenseOfRowVectors(used).Svd(computeVectors: false).S;
        double largest = singular.Maximum();
        return largest > 0 && singular.Minimum() / largest > RankTolerance;
    }
}
