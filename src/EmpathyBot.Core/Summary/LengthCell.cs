namespace EmpathyBot.Core.Summary;

/// <summary>
/// Counted ratings of replies of one length, per (emotion, source): how many were Good and how many Okay or Bad.
/// The store keeps these in O(1) per rating, next to the agreement profiles; the length-adjusted model reads them.
/// </summary>
public sealed record LengthCell(string Emotion, string Source, long Words, long Good, long Other);
