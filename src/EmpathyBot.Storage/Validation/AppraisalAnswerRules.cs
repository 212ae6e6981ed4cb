using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Validation;

/// <summary>Checks every store applies before a write, so SQLite and Redis refuse the same bad records.</summary>
internal static class AppraisalAnswerRules
{
    public static void Validate(AppraisalAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrEmpty(answer.Id);
        ArgumentException.ThrowIfNullOrEmpty(answer.Source);
        if (!AppraisalConditions.IsKnown(answer.Condition))
            throw new ArgumentException($"Condition must be default or evoked, not '{answer.Condition}'.", nameof(answer));
        if (answer.Items.Count != PanasScale.ItemCount || answer.Items.Any(v => v is < PanasScale.Min or > PanasScale.Max))
            throw new ArgumentException("An appraisal answer needs 20 item answers from 1 to 5.", nameof(answer));
    }
}
