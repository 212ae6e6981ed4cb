using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Models.Configuration;

/// <summary>Section <c>Prompting</c>: the reply prompt sent to every LLM contender (Welivita &amp; Pu).</summary>
public sealed class PromptingOptions
{
    public const string Section = "Prompting";

    [Range(1, 1000)]
    public int AverageWords { get; set; } = 28;

    [Range(1, 2000)]
    public int MaxWords { get; set; } = 97;

    /// <summary>Template file; relative paths resolve against <c>Data:Directory</c>.</summary>
    [Required]
    public string TemplatePath { get; set; } = "templates/welivita-pu.txt";
}
