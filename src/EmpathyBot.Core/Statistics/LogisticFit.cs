using MathNet.Numerics;

namespace EmpathyBot.Core.Statistics;

public enum LogisticStatus
{
    Fitted,
    TooFewObservations,
    Singular,
    Separation,
    NotConverged,
}

/// <summary>
/// A logistic fit: coefficients (log odds) and their standard errors, or, when <see cref="Status"/> is not
/// <see cref="LogisticStatus.Fitted"/>, no numbers at all and the <see cref="Reason"/>.
/// </summary>
public sealed record LogisticFit(LogisticStatus Status, string? Reason, IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors, int Iterations)
{
    /// <summary>norm.ppf(0.975): the 95% Wald interval's half-width in standard errors.</summary>
    public const double Z975 = 1.959963984540054;

    public bool Fitted => Status == LogisticStatus.Fitted;

    public static LogisticFit Failed(LogisticStatus status, string reason) => new(status, reason, [], [], 0);

    /// <summary>Odds ratio exp(b), its 95% Wald interval exp(b ± 1.96 se) and the two-sided normal p of b / se.</summary>
    public WaldEstimate Wald(int coefficient)
    {
        if (!Fitted) throw new InvalidOperationException($"No estimate: {Reason}");
        double b = Coefficients[coefficient], se = StandardErrors[coefficient];
        double z = b / se;
        return new WaldEstimate(Math.Exp(b), Math.Exp(b - (Z975 * se)), Math.Exp(b + (Z975 * se)),
            SpecialFunctions.Erfc(Math.Abs(z) / Constants.Sqrt2));
    }
}

public sealed record WaldEstimate(double OddsRatio, double Lower, double Upper, double P);
