using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Services.Understanding;

/// <summary>Section <c>Understanding</c>: the emotion-understanding quiz. Paths are relative to <c>Data:Directory</c>.</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>People needed before an item's consensus (our banks) and a set's norm come from people.</summary>
    [Range(2, 100000)]
    public int MinNorm { get; set; } = 30;

    /// <summary>Items per quiz: half from <see cref="AllocationSet"/> (rounded down), the rest from <see cref="IntensitySet"/>.</summary>
    [Range(1, 100)]
    public int QuizItems { get; set; } = 6;

    /// <summary>Allocation (SECEU-format) set people get: "allocation" (our bank) or a set imported with <c>understanding import-seceu</c>.</summary>
    [Required]
    public string AllocationSet { get; set; } = UnderstandingData.AllocationBank;

    /// <summary>Intensity (EQ-Bench-format) set people get: "intensity" (our bank) or a set imported with <c>understanding import-eqbench</c>.</summary>
    [Required]
    public string IntensitySet { get; set; } = UnderstandingData.IntensityBank;

    [Required]
    public string AllocationPath { get; set; } = "understanding/allocation.jsonl";

    [Required]
    public string IntensityPath { get; set; } = "understanding/intensity.jsonl";
}
