using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Integrity;

/// <summary>
/// A rater's guess of who wrote a reply they just rated. "Not sure" is a guess that is not correct, so accuracy is the
/// share of guesses that named the true author. Any contender (an LLM or the non-LLM baseline) is "an AI": not a person.
/// </summary>
public static class AuthorGuesses
{
    public const string Person = "person";
    public const string Ai = "ai";
    public const string NotSure = "unsure";

    public static bool IsKnown(string? guess) => guess is Person or Ai or NotSure;

    public static bool IsCorrect(string guess, string source) =>
        guess == (Sources.IsHuman(source) ? Person : Ai);
}

/// <param name="Guess">One of <see cref="AuthorGuesses.Person"/>, <see cref="AuthorGuesses.Ai"/>, <see cref="AuthorGuesses.NotSure"/>.</param>
public sealed record AuthorGuess(string Rater, string ReplyId, string Guess, DateTimeOffset At);

public enum AuthorGuessOutcome
{
    Recorded,

    /// <summary>The rater has already guessed for this reply; the first guess stands.</summary>
    AlreadyGuessed,

    /// <summary>The rater has no stored rating of this reply (it was not their card, or it left the study): nothing stored.</summary>
    NotRated,
}
