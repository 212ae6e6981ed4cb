using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>Length cells (counted ratings per reply length, Good vs the rest) follow every path that counts a rating.</summary>
public abstract partial class QualityContract
{
    /// <summary>The cells recomputed from every counted rating, to compare with the incremental ones.</summary>
    private static async Task<List<LengthCell>> RecomputedLengthsAsync(IStudyStore store)
    {
        var cells = new List<(string Emotion, string Source, long Words, bool Good)>();
        await foreach (var r in store.ExportRatingRecordsAsync())
        {
            if (!r.RaterExcluded) cells.Add((r.Prompt.Emotion, r.Reply.Source, WordCount.Of(r.Reply.Text), r.Value == RatingValue.Good));
        }

        return cells.GroupBy(c => (c.Emotion, c.Source, c.Words))
            .Select(g => new LengthCell(g.Key.Emotion, g.Key.Source, g.Key.Words, g.Count(c => c.Good), g.Count(c => !c.Good)))
            .OrderBy(c => c.Emotion, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Words)
            .ToList();
    }

    [Fact]
    public async Task Length_cells_follow_ratings_exclusion_and_forgetting()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.RecordConsentAsync("author", T0);
        await store.AddRatingAsync(Rate("h1", "r1", RatingValue.Good));
        await store.AddRatingAsync(Rate("h1", "r2", RatingValue.Okay));
        await store.AddRatingAsync(Rate("g1", "r1", RatingValue.Bad));
        await store.AddRatingAsync(Rate("g1", "r1", RatingValue.Good)); // duplicate: ignored
        await store.AddRatingAsync(Rate("g2", "r2", RatingValue.Good));
        await store.AddRatingAsync(Rate("g2", "bad-rater", RatingValue.Good));

        Assert.Equal(
            [new LengthCell("proud", "gpt", 2, 2, 0), new LengthCell("sad", "gpt", 7, 0, 1), new LengthCell("sad", "human", 7, 1, 1)],
            (await store.GetQualityAsync()).Lengths);

        // An excluded rater's ratings leave the cells, and later ones never enter them.
        await store.RecordAttentionCheckAsync(new AttentionCheck("bad-rater", "c1", false, T0), 1);
        await store.AddRatingAsync(Rate("h1", "bad-rater", RatingValue.Bad));
        var excluded = await store.GetQualityAsync();
        Assert.Equal(new LengthCell("proud", "gpt", 2, 1, 0), excluded.Lengths[0]);
        Assert.Equal(await RecomputedLengthsAsync(store), excluded.Lengths);

        // Forgetting the author takes their reply's ratings out.
        await store.ForgetAsync("author");
        var forgotten = await store.GetQualityAsync();
        Assert.DoesNotContain(forgotten.Lengths, c => c.Source == Sources.Human);
        Assert.Equal(await RecomputedLengthsAsync(store), forgotten.Lengths);
    }

    [Fact]
    public async Task A_replys_words_are_counted_as_the_export_counts_them_for_every_kind_of_whitespace()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        // A no-break space and an em space separate words too (four words, as WordCount and the export count them).
        const string text = "so\u00A0sorry for\u2003you";
        await store.AddReplyAsync(new Reply("h2", "p2", Sources.Human, text, "someone", T0));
        await store.AddRatingAsync(Rate("h2", "r1", RatingValue.Good));

        var quality = await store.GetQualityAsync();
        Assert.Equal(4, WordCount.Of(text));
        Assert.Equal(4, quality.Cells.Single(c => c is { Emotion: "proud", Source: "human" }).Words);
        Assert.Equal(new LengthCell("proud", "human", 4, 1, 0), quality.Lengths.Single(c => c.Source == Sources.Human && c.Emotion == "proud"));
        Assert.Equal(await RecomputedLengthsAsync(store), quality.Lengths);

        // Taking the rating out finds the same cell.
        await store.ForgetAsync("r1");
        Assert.DoesNotContain((await store.GetQualityAsync()).Lengths, c => c.Source == Sources.Human && c.Emotion == "proud");
    }

    [Fact]
    public async Task Length_cells_cover_the_counted_ratings_the_summary_compares()
    {
        var store = await CreateStoreAsync();
        var rows = new List<Core.Interchange.RatingRow>();
        for (var i = 0; i < 12; i++)
        {
            var value = (RatingValue)(1 + (i % 3));
            rows.Add(new($"q{i}", "sad", "s", "u", "human", $"h{i}", string.Join(' ', Enumerable.Repeat("word", 5 + i)), "x", value));
            rows.Add(new($"q{i}", "sad", "s", "u", "gpt", $"g{i}", string.Join(' ', Enumerable.Repeat("word", 20 + (3 * i))), "x", (RatingValue)(1 + ((i + 1) % 3))));
        }

        await store.ImportRatingsAsync(rows, "imported");
        var summary = SummaryBuilder.Build(await store.GetCountersAsync(), await store.GetQualityAsync());

        Assert.Equal(LengthModelStatus.Fitted, summary.LengthModel!.Status);
        Assert.Equal(24, summary.LengthModel.N);
        Assert.NotNull(summary.Overall.Sources["gpt"].LengthAdjusted);
        Assert.Equal(await RecomputedLengthsAsync(store), (await store.GetQualityAsync()).Lengths);
    }
}
