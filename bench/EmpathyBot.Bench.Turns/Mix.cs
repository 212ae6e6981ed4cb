namespace EmpathyBot.Bench.Turns;

/// <summary>What the simulated participants send.</summary>
public enum Mix
{
    /// <summary>"hello" from participants who never consent: every turn answers with the consent card.</summary>
    Hello,

    /// <summary>Consent once, then over and over: <c>respond</c>, a reply of one's own, <c>rate</c>, Good on the card shown.</summary>
    Work,
}

/// <summary>The next activity of one simulated participant in a mix; the steps only move on once the bot acknowledged.</summary>
public sealed class Participant(string user, string conversation)
{
    public string User { get; } = user;

    public string Conversation { get; } = conversation;

    public int Step { get; set; }

    /// <summary>The activity refused with 503/429, re-sent (same id, as Teams does) once <see cref="NotBefore"/> passed.</summary>
    public Outbound? Refused { get; set; }

    public long NotBefore { get; set; }

    /// <summary>The id of the last <c>rate</c> request: its answer carries the card this participant rates next.</summary>
    public string? RateRequestId { get; set; }
}

/// <summary>One activity ready to POST: its id and its JSON body.</summary>
public sealed record Outbound(string Id, byte[] Body, long FirstSent);
