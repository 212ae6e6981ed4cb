using EmpathyBot.Services;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Tests.Protocol;

public sealed class StudyOptionsValidatorTests
{
    private static readonly StudyOptionsValidator Validator = new(Options.Create(new DataOptions()));

    private static IEnumerable<string> Problems(StudyOptions options) => Validator.Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_are_valid_and_ship_their_consent_and_debrief_texts() =>
        Assert.Empty(Problems(new StudyOptions()));

    [Fact]
    public void An_unknown_step_or_a_count_below_one_is_named_with_its_setting()
    {
        var problems = Problems(new StudyOptions
        {
            Protocol = [new() { Step = "respond", Count = 2 }, new() { Step = "dance" }, new() { Step = "rate", Count = 0 }],
        }).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Study:Protocol:1:Step is 'dance'", StringComparison.Ordinal) && p.Contains("respond, rate, quiz, appraisal"));
        Assert.Contains(problems, p => p.StartsWith("Study:Protocol:2:Count is 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "ftp://example.org/?cc={code}", "Study:CompletionUrl")]
    [InlineData("ABC", "not a url", "Study:CompletionUrl")]
    [InlineData("", "https://app.prolific.com/submissions/complete?cc={code}", "Study:CompletionCode is empty")]
    [InlineData("has space", "", "Study:CompletionCode")]
    public void A_bad_completion_code_or_link_is_named(string code, string url, string named) =>
        Assert.Contains(Problems(new StudyOptions { CompletionCode = code, CompletionUrl = url }), p => p.Contains(named));

    [Fact]
    public void A_missing_consent_text_is_named_with_its_path() =>
        Assert.Contains(Problems(new StudyOptions { ConsentPath = "study/nowhere.md" }), p => p.StartsWith("Study:ConsentPath", StringComparison.Ordinal) && p.Contains("nowhere.md"));
}
