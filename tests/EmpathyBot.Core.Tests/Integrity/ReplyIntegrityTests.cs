using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Tests.Integrity;

public sealed class ReplyIntegrityTests
{
    private static readonly DateTimeOffset Shown = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReplyRules Rules = new(MaxCharsPerSecond: 15, DuplicateThreshold: 0.8);

    // 30 characters.
    private const string Text = "That must have hurt. I'm here";

    /// <summary>Other replies as the check gets them: each key with the fingerprint of its text.</summary>
    private static (ReplyKey, ulong[])[] Printed(params Reply[] replies) =>
        replies.Select(r => (r.Key, NearDuplicate.Fingerprint(r.Text))).ToArray();

    private static Reply Person(string text, double seconds, string id = "h-1", string author = "me") =>
        new(id, "p1", Sources.Human, text, author, Shown.AddSeconds(seconds));

    [Fact]
    public void Typing_speed_at_the_limit_passes_and_just_above_it_is_tooFast()
    {
        var text = new string('a', 30);
        var atLimit = ReplyIntegrity.Check(Person(text, 2.0), Shown, false, [], Rules);
        Assert.Equal(15.0, atLimit.CharsPerSecond);
        Assert.Equal(2.0, atLimit.Seconds);
        Assert.Empty(atLimit.Flags);

        var faster = ReplyIntegrity.Check(Person(text, 1.99), Shown, false, [], Rules);
        Assert.Equal([ExclusionReasons.TooFast], faster.Flags);
    }

    [Fact]
    public void Speed_is_not_judged_without_a_shown_time_or_with_the_check_off()
    {
        var unknown = ReplyIntegrity.Check(Person(Text, 0.1), null, false, [], Rules);
        Assert.Null(unknown.Seconds);
        Assert.Null(unknown.CharsPerSecond);
        Assert.Empty(unknown.Flags);

        Assert.Empty(ReplyIntegrity.Check(Person(Text, 0.1), Shown, false, [], Rules with { MaxCharsPerSecond = 0 }).Flags);
        // A reply in the same instant as its prompt is as fast as it gets.
        Assert.Equal([ExclusionReasons.TooFast], ReplyIntegrity.Check(Person(Text, 0), Shown, false, [], Rules).Flags);
    }

    [Fact]
    public void Pasted_flags_the_reply()
    {
        var check = ReplyIntegrity.Check(Person(Text, 60), Shown, pasted: true, [], Rules);
        Assert.True(check.Pasted);
        Assert.Equal([ExclusionReasons.Pasted], check.Flags);
    }

    [Fact]
    public void Similarity_at_the_threshold_is_a_duplicate_and_below_it_is_not()
    {
        // Ten words against ten that differ in the last: 8 trigrams each, 7 shared -> 7 / 9.
        var contender = new Reply("m-1", "p1", "gpt", "one two three four five six seven eight nine ten", null, Shown);
        var near = Person("one two three four five six seven eight nine eleven", 60);
        var check = ReplyIntegrity.Check(near, Shown, false, Printed(contender), Rules with { DuplicateThreshold = 7.0 / 9 });
        Assert.Equal(7.0 / 9, check.Similarity, 12);
        Assert.Equal("m-1", check.SimilarTo);
        Assert.Equal([ExclusionReasons.Duplicate], check.Flags);

        Assert.Empty(ReplyIntegrity.Check(near, Shown, false, Printed(contender), Rules with { DuplicateThreshold = 7.0 / 9 + 1e-9 }).Flags);
    }

    [Fact]
    public void Another_persons_reply_counts_and_the_authors_own_or_other_prompts_do_not()
    {
        var other = new Reply("h-2", "p1", Sources.Human, Text, "someone else", Shown);
        var own = new Reply("h-3", "p1", Sources.Human, Text, "me", Shown);
        var otherPrompt = new Reply("m-2", "p2", "gpt", Text, null, Shown);

        Assert.Equal([ExclusionReasons.Duplicate], ReplyIntegrity.Check(Person(Text, 60), Shown, false, Printed(other), Rules).Flags);
        var check = ReplyIntegrity.Check(Person(Text, 60), Shown, false, Printed(own, otherPrompt), Rules);
        Assert.Empty(check.Flags);
        Assert.Null(check.SimilarTo);
    }

    [Fact]
    public void Every_flag_is_kept_and_the_first_in_order_becomes_the_exclusion_reason()
    {
        var copy = new Reply("m-1", "p1", "gpt", Text, null, Shown);
        var check = ReplyIntegrity.Check(Person(Text, 0.5), Shown, true, Printed(copy), Rules);
        Assert.Equal([ExclusionReasons.Duplicate, ExclusionReasons.Pasted, ExclusionReasons.TooFast], check.Flags);

        Assert.Equal(ExclusionReasons.Duplicate, ReplyIntegrity.Apply(Person(Text, 0.5), check, excludeSuspect: true).ExcludedReason);
        Assert.True(ReplyIntegrity.Apply(Person(Text, 0.5), check, excludeSuspect: false).InPool);
    }

    [Fact]
    public void Exclusion_reasons_group_every_other_stored_reason_as_reveal()
    {
        Assert.Equal("pasted", ExclusionReasons.CategoryOf("pasted"));
        Assert.Equal("reveal", ExclusionReasons.CategoryOf("reveals an AI author: \"as an AI\""));
        Assert.Equal("reveal", ExclusionReasons.CategoryOf("empty reply"));
    }
}
