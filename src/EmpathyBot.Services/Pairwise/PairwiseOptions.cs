using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Services.Pairwise;

/// <summary>Section <c>Pairwise</c>: the statistics of side-by-side battles.</summary>
public sealed class PairwiseOptions
{
    public const string Section = "Pairwise";

    /// <summary>Bootstrap resamples of the battles behind each rating interval (fixed seed, so the summary is reproducible).</summary>
    [Range(10, 10000, ErrorMessage = "Pairwise:BootstrapRounds must be between 10 and 10000.")]
    public int BootstrapRounds { get; set; } = 200;
}
