namespace EmpathyBot.Core.Integrity;

/// <summary>The kinds of card whose shown and answered times are kept.</summary>
public static class CardKinds
{
    /// <summary>A prompt to reply to; the item is the prompt id.</summary>
    public const string Reply = "reply";

    /// <summary>A rating card; the item is the reply (or gold item) id on it.</summary>
    public const string Rating = "rating";

    /// <summary>An understanding (quiz) item; the item is the quiz item id.</summary>
    public const string Quiz = "quiz";

    /// <summary>A feelings-check card; the item names the questionnaire pass and card.</summary>
    public const string Appraisal = "appraisal";
}

/// <summary>When a card was first shown to a participant and when they answered it (null while unanswered).</summary>
public sealed record CardTiming(string Participant, string Kind, string ItemId, DateTimeOffset ShownAt, DateTimeOffset? AnsweredAt);
