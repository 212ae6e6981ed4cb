using EmpathyBot.Core.Integrity;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Integrity;

/// <summary>Start-up checks the data annotations cannot express.</summary>
public sealed class RatingOptionsRules : IValidateOptions<RatingOptions>
{
    public ValidateOptionsResult Validate(string? name, RatingOptions options) => options.StraightLineRun == 1
        ? ValidateOptionsResult.Fail("Rating:StraightLineRun must be 0 (off) or at least 2: a run of one rating would exclude every rater.")
        : ValidateOptionsResult.Success;

    public static RatingRules Of(RatingOptions options) => new(options.MinSecondsPerCard, options.StraightLineRun);
}
