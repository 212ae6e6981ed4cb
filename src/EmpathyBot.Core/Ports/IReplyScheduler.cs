using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// Queues contender replies for a prompt in the background. Called when a prompt is first shown to a
/// person; must return at once (a chat turn never waits on a model).
/// </summary>
public interface IReplyScheduler
{
    void Schedule(StudyPrompt prompt);
}
