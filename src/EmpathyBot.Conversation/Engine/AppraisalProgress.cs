namespace EmpathyBot.Conversation.Engine;

/// <summary>Where a participant is in the appraisal: rating how they feel now ("before"), or after imagining a situation ("after").</summary>
/// <param name="Before">The first 20 answers, kept until the second set arrives so the person sees their own change.</param>
/// <param name="Page">Which card of the step is open; each card asks <see cref="PageSize"/> items.</param>
/// <param name="Answers">This step's answers from earlier cards (index = item number - 1), null where not yet given.</param>
public sealed record AppraisalProgress(
    string Step, string? Set = null, string? SituationId = null, IReadOnlyList<int>? Before = null, int Page = 0, IReadOnlyList<int?>? Answers = null, string? PassId = null)
{
    public const string BeforeStep = "before";
    public const string AfterStep = "after";
    public const int PageSize = 5;
}
