namespace EmpathyBot.Core.Statistics;

/// <summary>
/// One comparison between players A and B: the unit the bootstrap resamples. <paramref name="Style"/> is the style
/// covariate of the style-controlled fit (the normalised length difference (len_a - len_b) / (len_a + len_b)); 0 when unused.
/// </summary>
public sealed record Battle(string A, string B, BattleOutcome Outcome, double Style = 0);
