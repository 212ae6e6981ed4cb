namespace EmpathyBot.Conversation.Engine;

/// <summary>Whether a participant has completed the study (what <c>Study:ShowResults = afterCompletion</c> waits for).</summary>
public interface IStudyCompletion
{
    Task<bool> HasCompletedAsync(string participant, CancellationToken ct);
}

/// <summary>The study without a protocol: nobody completes it, so results wait for ever under <c>afterCompletion</c>.</summary>
public sealed class NoStudyCompletion : IStudyCompletion
{
    public Task<bool> HasCompletedAsync(string participant, CancellationToken ct) => Task.FromResult(false);
}
