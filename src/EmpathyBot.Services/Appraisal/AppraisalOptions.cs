using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Services.Appraisal;

/// <summary>Section <c>Appraisal</c>: the PANAS check. Paths are relative to <c>Data:Directory</c>.</summary>
public sealed class AppraisalOptions
{
    public const string Section = "Appraisal";

    /// <summary>The situation set people imagine in chat: "core" (our bank) or a set imported with <c>appraisal import</c>.</summary>
    [Required]
    public string SituationSet { get; set; } = AppraisalData.CoreSet;

    [Required]
    public string PanasPath { get; set; } = "appraisal/panas.json";

    [Required]
    public string SituationsPath { get; set; } = "appraisal/situations.json";

    [Required]
    public string TemplatePath { get; set; } = "templates/appraisal.txt";

    /// <summary>Significance level of the F and t tests.</summary>
    [Range(1e-6, 0.5)]
    public double Alpha { get; set; } = 0.01;
}
