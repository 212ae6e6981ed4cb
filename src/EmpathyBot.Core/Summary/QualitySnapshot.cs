namespace EmpathyBot.Core.Summary;

/// <summary>
/// Incremental inputs for the parts of the summary that the plain counters lack: reply lengths, excluded ratings,
/// and rater agreement, all kept by the store in O(1) per write so reading them never scans ratings.
/// </summary>
public sealed record QualitySnapshot(
    IReadOnlyList<QualityRow> Cells,
    IReadOnlyList<AgreementProfile> Agreement,
    long ExcludedRaters)
{
    public static QualitySnapshot Empty { get; } = new([], [], 0);

    /// <summary>Counted ratings per (emotion, source, reply words), for the length-adjusted comparison.</summary>
    public IReadOnlyList<LengthCell> Lengths { get; init; } = [];
}

/// <summary>Per (emotion, source): total words of in-pool replies, and ratings left out because their rater was excluded.</summary>
public sealed record QualityRow(string Emotion, string Source, long Words, long ExcludedRatings);

/// <summary>How many replies (<paramref name="Units"/>) have exactly this many counted Good, Okay and Bad ratings.</summary>
public sealed record AgreementProfile(int Good, int Okay, int Bad, long Units)
{
    public int Ratings => Good + Okay + Bad;
}
