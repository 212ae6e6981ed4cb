using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Core.Tests.Integrity;

public sealed class NearDuplicateTests
{
    [Fact]
    public void Identical_text_up_to_case_punctuation_and_spacing_is_similarity_one()
    {
        Assert.Equal(1.0, NearDuplicate.Similarity("I'm so sorry, that sounds hard.", "i'm   SO sorry that sounds hard"));
    }

    [Fact]
    public void Jaccard_is_shared_trigrams_over_all_trigrams()
    {
        // a b c d e -> abc bcd cde; a b c d f -> abc bcd cdf: 2 shared of 4 distinct.
        Assert.Equal(0.5, NearDuplicate.Similarity("a b c d e", "a b c d f"));
        Assert.Equal(0.0, NearDuplicate.Similarity("one two three", "four five six"));
    }

    [Fact]
    public void Replies_under_three_words_match_only_when_equal_as_a_whole()
    {
        Assert.Equal(1.0, NearDuplicate.Similarity("So sorry!", "so sorry"));
        Assert.Equal(0.0, NearDuplicate.Similarity("So sorry", "So sad"));
        // A short reply is one whole gram, never a trigram of a longer one.
        Assert.Equal(0.0, NearDuplicate.Similarity("so sorry", "so sorry for you"));
    }

    [Fact]
    public void A_text_without_words_is_similar_to_nothing()
    {
        Assert.Equal(0.0, NearDuplicate.Similarity("!!!", "!!!"));
        Assert.Empty(NearDuplicate.Words("... --"));
    }

    [Fact]
    public void Repeated_trigrams_count_once_and_word_order_matters()
    {
        // a b c a b c -> abc bca cab (abc twice): 3 distinct, 1 shared with "a b c".
        Assert.Equal(3, NearDuplicate.Fingerprint("a b c a b c").Length);
        Assert.Equal(1.0 / 3, NearDuplicate.Similarity("a b c a b c", "A, b; c!"), 12);
        Assert.Equal(0.0, NearDuplicate.Similarity("a b c", "c b a"));
        Assert.Equal(0.0, NearDuplicate.Similarity("a b", "b a"));
    }

    [Fact]
    public void Curly_and_straight_apostrophes_are_one_and_apostrophes_at_the_ends_are_dropped()
    {
        Assert.Equal(["don't", "go", "rock", "n", "roll"], NearDuplicate.Words("DON\u2019T go 'rock' 'n' roll''"));
        Assert.Equal(1.0, NearDuplicate.Similarity("I don\u2019t know what to say", "i don't know what to say"));
    }

    [Fact]
    public void A_fingerprint_is_one_sorted_hash_per_distinct_trigram()
    {
        var fingerprint = NearDuplicate.Fingerprint("that sounds really hard and I am sorry");
        Assert.Equal(6, fingerprint.Length);
        Assert.Equal(fingerprint.Order().Distinct(), fingerprint);
        Assert.NotEqual(NearDuplicate.Fingerprint("sounds really hard"), NearDuplicate.Fingerprint("sounds really"));
    }
}
