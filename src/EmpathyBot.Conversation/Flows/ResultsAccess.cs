using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Whether a participant may see the study's results now (<see cref="StudyOptions.ShowResults"/>). Who asks is always a
/// participant: the researcher reads the dashboard, behind its own access key.
/// </summary>
public sealed class ResultsAccess(IOptions<StudyOptions> options, IParticipantRecordStore records)
{
    public const string NotShown = "Results are not shown during this study.";
    public const string AfterCompletion = "Results are shown once you have completed the study.";

    public async Task<bool> ShownToAsync(string participant, CancellationToken ct) => options.Value.ShowResults switch
    {
        var v when Is(v, StudyOptions.ShowResultsNever) => false,
        var v when Is(v, StudyOptions.ShowResultsAfterCompletion) => (await records.GetParticipantRecordAsync(participant, ct))?.CompletedAt is not null,
        _ => true,
    };

    /// <summary>The plain answer to a summary request while results are withheld.</summary>
    public Message Refusal() =>
        Menu.WithMenu(Is(options.Value.ShowResults, StudyOptions.ShowResultsNever) ? NotShown : AfterCompletion);

    /// <summary>Why a result card shows only the participant's own figures while results are withheld.</summary>
    public string OthersWithheld() => Is(options.Value.ShowResults, StudyOptions.ShowResultsNever)
        ? "How others did is not shown during this study."
        : "How others did is shown once you have completed the study.";

    /// <summary>The turn's messages without the summary buttons and the summary line of the help, for a participant who may not see results.</summary>
    public static TurnResult WithoutSummary(TurnResult result) =>
        new([.. result.Replies.Select(WithoutSummary)], result.ReplaceActionSource is { } replaced ? WithoutSummary(replaced) : null);

    private static Message WithoutSummary(Message message) => message with
    {
        Actions = [.. message.Actions.Where(a => a.Data.GetValueOrDefault(ActionKeys.Action) != Commands.Summary)],
        Blocks = [.. message.Blocks.Select(b => b is Facts facts ? facts with { Items = [.. facts.Items.Where(f => f.Name != Commands.Summary)] } : b)],
    };

    private static bool Is(string value, string option) => string.Equals(value, option, StringComparison.OrdinalIgnoreCase);
}
