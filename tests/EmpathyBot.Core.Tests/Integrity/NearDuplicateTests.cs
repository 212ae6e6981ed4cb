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
}
