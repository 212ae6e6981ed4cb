using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Rendering;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    public static readonly TheoryData<string> Hostile =
    [
        "<img src=\"http://127.0.0.1:9/pixel\"> <script>alert(1)</script> text",
        "![tracker](http://127.0.0.1:9/pixel) [a link](http://127.0.0.1:9/link) <http://127.0.0.1:9/auto>",
        "<a href=\"http://127.0.0.1:9/html\">an HTML link</a> www.example.org http://127.0.0.1:9/bare",
        "**bold** _italic_ ~~strike~~ `code`\n# heading\n> quote\n- list\n1. list",
        "&lt;entity&gt; &amp; &#x3C;img&#x3E; \\*escaped\\*",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_quote_is_a_text_run_with_exactly_what_was_written(string hostile)
    {
        var card = AdaptiveCardRenderer.Render(new Message("Rate", [new Heading("Rate a reply"), new Quote("The reply", hostile)], []));

        var items = card["body"]![1]!["items"]!.AsArray();
        Assert.Equal("The reply", items[0]!["text"]!.GetValue<string>());
        var rich = items[1]!.AsObject();
        Assert.Equal("RichTextBlock", rich["type"]!.GetValue<string>());
        var run = Assert.Single(rich["inlines"]!.AsArray())!.AsObject();
        Assert.Equal("TextRun", run["type"]!.GetValue<string>());
        Assert.Equal(hostile, run["text"]!.GetValue<string>());
        Assert.DoesNotContain(TextBlocks(card), text => text.Contains(hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_are_titles_above_their_text_never_a_fact_set_whose_narrow_title_column_breaks_words()
    {
        var card = AdaptiveCardRenderer.Render(new Message("x", [new Facts([new Fact("How to withdraw", "Type forget me."), new Fact("What we collect", "Replies.")])], []));

        Assert.DoesNotContain("FactSet", card.ToJsonString());
        var items = card["body"]![0]!["items"]!.AsArray();
        Assert.Equal(["How to withdraw", "Type forget me.", "What we collect", "Replies."], items.Select(i => i!["text"]!.GetValue<string>()));
        Assert.Equal("Bolder", items[0]!["weight"]!.GetValue<string>());
        Assert.All(items, i => Assert.True(i!["wrap"]!.GetValue<bool>()));
        Assert.Equal("None", items[1]!["spacing"]!.GetValue<string>());
    }

    [Fact]
    public void Choice_inputs_are_expanded_required_choice_sets_with_their_labels()
    {
        Choice[] scale = [new("1", "1 very slightly or not at all"), new("5", "5 extremely")];
        var card = AdaptiveCardRenderer.Render(new Message("x", [new ChoiceInputs([new ChoiceInput("panas1", "Interested", scale), new ChoiceInput("panas2", "Upset", scale, "5")])], []));

        var inputs = card["body"]![0]!["items"]!.AsArray();
        var first = inputs[0]!.AsObject();
        Assert.Equal("Input.ChoiceSet", first["type"]!.GetValue<string>());
        Assert.Equal("panas1", first["id"]!.GetValue<string>());
        Assert.Equal("Interested", first["label"]!.GetValue<string>());
        Assert.Equal("expanded", first["style"]!.GetValue<string>());
        Assert.True(first["isRequired"]!.GetValue<bool>());
        Assert.Equal(["1", "5"], first["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("5 extremely", first["choices"]![1]!["title"]!.GetValue<string>());
        Assert.Null(first["value"]);
        Assert.Equal("5", inputs[1]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Date_and_time_functions_in_a_quote_are_kept_apart_so_the_renderer_leaves_them_as_written()
    {
        var card = AdaptiveCardRenderer.Render(new Message("x", [new Quote("The reply", "{{DATE(2017-02-14T06:08:39Z, SHORT)}} at {{TIME(2017-02-14T06:08:39Z)}}")], []));

        var text = card["body"]![0]!["items"]![1]!["inlines"]![0]!["text"]!.GetValue<string>();
        Assert.Equal("{\u2060{DATE(2017-02-14T06:08:39Z, SHORT)}} at {\u2060{TIME(2017-02-14T06:08:39Z)}}", text);
    }

    [Fact]
    public void Fallback_text_that_quotes_a_participant_is_escaped_for_markdown()
    {
        var card = AdaptiveCardRenderer.Render(new Message("Rate this reply: \"![x](http://127.0.0.1:9/p) <img src=x> **b**\"", [], []));

        Assert.Equal(
            "Rate this reply\\: \\\"\\!\\[x\\]\\(http\\:\\/\\/127\\.0\\.0\\.1\\:9\\/p\\) \\<img src\\=x\\> \\*\\*b\\*\\*\\\"",
            card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public void A_plain_text_message_is_sent_as_plain_text_never_markdown()
    {
        var inbound = new Activity
        {
            Id = "in-1", ChannelId = "directline", ServiceUrl = "https://example/",
            From = new ChannelAccount { Id = "u" }, Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "c1" },
        };

        var activity = BotActivities.FromMessage(Message.Text("**not bold** [not a link](http://127.0.0.1:9/)"), inbound);

        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("**not bold** [not a link](http://127.0.0.1:9/)", activity.Text);
    }

    private static IEnumerable<string> TextBlocks(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextBlock" => [(string)o["text"]!],
        JsonObject o => o.SelectMany(p => TextBlocks(p.Value)),
        JsonArray a => a.SelectMany(TextBlocks),
        _ => [],
    };
}
