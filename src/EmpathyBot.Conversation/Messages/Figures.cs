using System.Globalization;

namespace EmpathyBot.Conversation.Messages;

/// <summary>
/// The one rounding rule for figures participants see: scores to one decimal, shares and percentiles as whole
/// percents, so a headline and its table never show the same number two ways.
/// </summary>
public static class Figures
{
    public static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Signed(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";

    public static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "–";
}
