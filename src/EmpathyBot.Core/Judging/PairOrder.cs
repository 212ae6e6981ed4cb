using System.Diagnostics.CodeAnalysis;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// The order a judge was shown a pair in: <see cref="AB"/> shows the pair's reply A first (as "Reply A"),
/// <see cref="BA"/> shows reply B first. Every pair is asked in both, to measure how much the position sways the judge.
/// </summary>
public enum PairOrder
{
    AB,
    BA,
}

/// <summary>The wire names <c>ab</c> and <c>ba</c> used in the store and the export.</summary>
public static class PairOrders
{
    public static IReadOnlyList<PairOrder> Both { get; } = [PairOrder.AB, PairOrder.BA];

    public static string ToWire(this PairOrder order) => order == PairOrder.AB ? "ab" : "ba";

    public static bool TryParse([NotNullWhen(true)] string? text, out PairOrder order)
    {
        order = default;
        switch (text)
        {
            case "ab": order = PairOrder.AB; return true;
            case "ba": order = PairOrder.BA; return true;
            default: return false;
        }
    }
}
