using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Storage.Validation;

/// <summary>Checks every store applies before a write, so SQLite and Redis refuse the same bad records.</summary>
internal static class UnderstandingRules
{
    public static void Validate(UnderstandingAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrEmpty(answer.Id);
        ArgumentException.ThrowIfNullOrEmpty(answer.Source);
        ArgumentException.ThrowIfNullOrEmpty(answer.Set);
        ArgumentException.ThrowIfNullOrEmpty(answer.ItemId);
        if (answer.Values.Count is not (0 or SeceuScorer.OptionCount) || answer.Values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("An understanding answer has four finite values, or none.", nameof(answer));
        if (answer.Score is { } s && !double.IsFinite(s)) throw new ArgumentException("The score must be finite.", nameof(answer));
    }

    public static void Validate(UnderstandingTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentException.ThrowIfNullOrEmpty(test.Id);
        ArgumentException.ThrowIfNullOrEmpty(test.Source);
        ArgumentException.ThrowIfNullOrEmpty(test.Set);
        if (!double.IsFinite(test.Score)) throw new ArgumentException("The test score must be finite.", nameof(test));
    }
}
