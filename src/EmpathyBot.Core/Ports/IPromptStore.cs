using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

public interface IPromptStore
{
    /// <summary>Every prompt of every set, ordered by id, streamed for the full export.</summary>
    IAsyncEnumerable<StudyPrompt> ExportPromptsAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces prompts by id; returns how many were new.</summary>
    Task<int> UpsertPromptsAsync(IReadOnlyCollection<StudyPrompt> prompts, CancellationToken ct = default);

    Task<StudyPrompt?> GetPromptAsync(string promptId, CancellationToken ct = default);

    Task<IReadOnlyList<StudyPrompt>> GetPromptsAsync(string set, CancellationToken ct = default);

    Task<IReadOnlyDictionary<string, int>> GetPromptSetsAsync(CancellationToken ct = default);

    /// <summary>
    /// The prompt of <paramref name="set"/> with the fewest human replies that this participant has not
    /// answered yet (balanced coverage); ties broken at random. Null when they answered them all.
    /// </summary>
    Task<StudyPrompt?> NextPromptToAnswerAsync(string set, string participant, CancellationToken ct = default);
}
