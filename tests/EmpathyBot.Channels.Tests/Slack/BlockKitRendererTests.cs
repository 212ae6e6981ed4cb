using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Tests.Slack;

public class BlockKitRendererTests
{
    private const string Dashboard = "https://bot.example.org/dashboard";
    private readonly BlockKitRenderer renderer = new(Dashboard);

    private static readonly MessageAction[] RatingButtons =
    [
        new("Good", new Dictionary<string, string> { ["action"] = "rate", ["reply"] = "r-1", ["rating"] = "good" }, ActionStyle.Positive),
        new("Okay", new Dictionary<string, string> { ["action"] = "rate", ["reply"] = "r-1", ["rating"] = "okay" }),
        new("Bad", new Dictionary<string, string> { ["action"] = "rate", ["reply"] = "r-1", ["rating"] = "bad" }, ActionStyle.Destructive),
    ];

    [Fact]
    public void Rating_card_renders_sections_quote_and_buttons_with_compact_json_values()
    {
        var message = new Message("Rate this reply", [new Heading("Rate a reply"), new Quote("Speaker", "I passed my exam & I'm <so> happy"), new Paragraph("How empathetic is it?")], RatingButtons);

        var part = Assert.Single(renderer.Render(message));

        AssertWithinLimits(part);
        Assert.Equal("Rate this reply", part.Text);
        var blocks = part.Blocks.Select(b => b!.AsObject()).ToList();
        Assert.Equal(["header", "rich_text", "section", "actions"], blocks.Select(b => b["type"]!.GetValue<string>()));
        Assert.Equal(
            """[{"type":"rich_text_section","elements":[{"type":"text","text":"Speaker","style":{"bold":true}}]},"""
            + """{"type":"rich_text_quote","elements":[{"type":"text","text":"I passed my exam & I'm <so> happy"}]}]""",
            blocks[1]["elements"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var buttons = blocks[3]["elements"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal("""{"action":"rate","reply":"r-1","rating":"good"}""", buttons[0]["value"]!.GetValue<string>());
        Assert.Equal("primary", buttons[0]["style"]!.GetValue<string>());
        Assert.Null(buttons[1]["style"]);
        Assert.Equal("danger", buttons[2]["style"]!.GetValue<string>());
        Assert.Equal(3, buttons.Select(b => b["action_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Theory]
    [InlineData("*bold* _italic_ ~strike~ `code` ```block```")]
    [InlineData("<http://127.0.0.1:9/pixel|click me> and <https://evil.example>")]
    [InlineData("<!channel> <!here> <@U024BE7LH> <#C024BE7LR>")]
    [InlineData("&lt;escaped&gt; &amp; & < >")]
    [InlineData("> not a quote\n- not a list\n:smile: http://127.0.0.1:9/auto")]
    public void A_quote_reaches_slack_as_rich_text_exactly_as_written(string hostile)
    {
        var message = new Message($"Rate this reply: \"{hostile}\"", [new Quote("The reply", hostile)], RatingButtons);

        var part = Assert.Single(renderer.Render(message));

        AssertWithinLimits(part);
        var quote = part.Blocks[0]!["elements"]![1]!.AsObject();
        Assert.Equal("rich_text_quote", quote["type"]!.GetValue<string>());
        var run = Assert.Single(quote["elements"]!.AsArray())!.AsObject();
        Assert.Equal(["type", "text"], run.Select(p => p.Key));
        Assert.Equal(hostile.ReplaceLineEndings("\n"), run["text"]!.GetValue<string>());
        Assert.DoesNotContain('<', part.Text);
        Assert.DoesNotContain('>', part.Text);
        Assert.Equal($"Rate this reply: \"{BlockKitRenderer.Escape(hostile)}\"", part.Text);
    }

    [Fact]
    public void A_long_quote_is_split_over_rich_text_blocks_and_keeps_every_character()
    {
        var line = string.Concat(Enumerable.Repeat("*a* <b> & ", 60));
        var text = string.Join("\n", Enumerable.Repeat(line, 12));

        var part = Assert.Single(renderer.Render(new Message("long", [new Quote("The reply", text)], [])));

        AssertWithinLimits(part);
        Assert.True(part.Blocks.Count > 1);
        Assert.All(part.Blocks, b => Assert.Equal("rich_text", b!["type"]!.GetValue<string>()));
        var runs = part.Blocks.SelectMany(b => b!["elements"]!.AsArray()).Where(e => e!["type"]!.GetValue<string>() == "rich_text_quote")
            .Select(e => e!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(text, string.Join("\n", runs));
    }

    [Fact]
    public void Facts_become_section_fields_at_most_ten_per_section()
    {
        var facts = Enumerable.Range(1, 23).Select(i => new Fact($"Emotion {i}", $"{i} good")).ToList();

        var part = Assert.Single(renderer.Render(new Message("facts", [new Facts(facts)], [])));

        AssertWithinLimits(part);
        Assert.Equal([10, 10, 3], part.Blocks.Select(b => b!["fields"]!.AsArray().Count));
        Assert.Equal("*Emotion 1*\n1 good", part.Blocks[0]!["fields"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Table_is_monospace_text_in_a_code_block()
    {
        var table = new Table(["emotion", "human", "gpt"], [["sad", "10", "12"], ["joyful", "3", "4"]]);

        var part = Assert.Single(renderer.Render(new Message("t", [table], [])));

        var text = part.Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal("```\nemotion  human  gpt\n-------  -----  ---\nsad      10     12\njoyful   3      4\n```", text);
    }

    [Fact]
    public void Expandable_renders_as_plain_sections_and_subtle_text_as_context()
    {
        var message = new Message("x", [new Expandable("What is empathy?", [new Paragraph("Cognitive, affective, compassionate."), new Paragraph("small print", Tone.Subtle)])], []);

        var blocks = Assert.Single(renderer.Render(message)).Blocks;

        Assert.Equal("*What is empathy?*", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Cognitive, affective, compassionate.", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("context", blocks[2]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Number_inputs_become_input_blocks_whose_action_id_is_the_input_id()
    {
        var message = new Message("quiz", [new Paragraph("Split 10 points"), new NumberInputs([new NumberInput("o1", "Relieved", 0, 10), new NumberInput("o2", "Sad", 0, 10, 3)])],
            [MessageAction.Command("Submit", "quiz-answer")]);

        var part = Assert.Single(renderer.Render(message));

        AssertWithinLimits(part);
        var input = part.Blocks[1]!.AsObject();
        Assert.Equal("input", input["type"]!.GetValue<string>());
        Assert.Equal(BlockKitRenderer.InputBlockId("o1"), input["block_id"]!.GetValue<string>());
        Assert.Equal("number_input", input["element"]!["type"]!.GetValue<string>());
        Assert.Equal("o1", input["element"]!["action_id"]!.GetValue<string>());
        Assert.Equal("10", input["element"]!["max_value"]!.GetValue<string>());
        Assert.Equal("3", part.Blocks[2]!["element"]!["initial_value"]!.GetValue<string>());
        Assert.Equal("actions", part.Blocks[3]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Choice_inputs_become_radio_buttons_with_their_labels_and_the_earlier_answer_chosen()
    {
        Choice[] scale = [new("1", "1 very slightly or not at all"), new("2", "2 a little"), new("5", "5 extremely")];
        var message = new Message("feelings", [new ChoiceInputs([new ChoiceInput("panas1", "Interested", scale), new ChoiceInput("panas2", "Upset", scale, "2")])],
            [MessageAction.Command("Next", "appraisal")]);

        var part = Assert.Single(renderer.Render(message));

        AssertWithinLimits(part);
        var input = part.Blocks[0]!.AsObject();
        Assert.Equal("input", input["type"]!.GetValue<string>());
        Assert.Equal(BlockKitRenderer.InputBlockId("panas1"), input["block_id"]!.GetValue<string>());
        Assert.Equal("Interested", input["label"]!["text"]!.GetValue<string>());
        var element = input["element"]!;
        Assert.Equal("radio_buttons", element["type"]!.GetValue<string>());
        Assert.Equal("panas1", element["action_id"]!.GetValue<string>());
        Assert.Equal(["1 very slightly or not at all", "2 a little", "5 extremely"], element["options"]!.AsArray().Select(o => o!["text"]!["text"]!.GetValue<string>()));
        Assert.Null(element["initial_option"]);
        Assert.Equal("2", part.Blocks[1]!["element"]!["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal("actions", part.Blocks[2]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Huge_paragraph_is_split_into_sections_and_messages_then_shortened_with_a_dashboard_link()
    {
        var words = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"word{i}"));

        var parts = renderer.Render(new Message("summary", [new Paragraph(words)], RatingButtons));

        Assert.Equal(BlockKitRenderer.DefaultMaxMessages, parts.Count);
        foreach (var part in parts)
        {
            AssertWithinLimits(part);
        }

        var last = parts[^1].Blocks;
        Assert.True(last.Count > 2, string.Join(",", last.Select(b => b!["type"]!.GetValue<string>())));
        Assert.Equal("context", last[last.Count - 2]!["type"]!.GetValue<string>());
        Assert.Equal("actions", last[^1]!["type"]!.GetValue<string>());
        Assert.Contains($"<{Dashboard}|dashboard>", last[^2]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.All(parts.Take(parts.Count - 1), p => Assert.DoesNotContain(p.Blocks, b => b!["type"]!.GetValue<string>() == "actions"));
        Assert.Equal("summary (part 2 of 4)", parts[1].Text);
        Assert.StartsWith("word0 word1 ", parts[0].Blocks[0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Moderately_long_text_is_split_without_losing_a_word()
    {
        var words = Enumerable.Range(0, 2_000).Select(i => $"w{i}").ToList();

        var parts = renderer.Render(new Message("s", [new Paragraph(string.Join(' ', words))], []));

        var part = Assert.Single(parts);
        AssertWithinLimits(part);
        var rejoined = string.Join(' ', part.Blocks.Select(b => b!["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(words, rejoined.Split(' '));
    }

    [Fact]
    public void Single_rendering_of_a_huge_table_fits_one_message_and_links_the_dashboard()
    {
        var rows = Enumerable.Range(0, 5_000).Select(i => (IReadOnlyList<string>)[$"emotion-{i}", new string('9', 60), "<&>"]).ToList();

        var part = renderer.RenderSingle(new Message("big", [new Heading(new string('H', 400)), new Table(["emotion", "human", "model"], rows)], RatingButtons));

        AssertWithinLimits(part);
        Assert.Equal(BlockKitRenderer.MaxBlocks, part.Blocks.Count);
        Assert.Contains("dashboard", part.Blocks[^2]!.ToJsonString());
        Assert.All(part.Blocks.Where(b => b!["type"]!.GetValue<string>() == "section"), b =>
        {
            var text = b!["text"]!["text"]!.GetValue<string>();
            Assert.StartsWith("```\nemotion", text);
            Assert.EndsWith("\n```", text);
        });
    }

    [Fact]
    public void Single_long_unbroken_word_is_cut_without_splitting_an_entity()
    {
        var part = renderer.RenderSingle(new Message("x", [new Paragraph(string.Concat(Enumerable.Repeat("a&", 4_000)))], []));

        AssertWithinLimits(part);
        Assert.All(part.Blocks, b => Assert.Matches("^(a&amp;)+$", b!["text"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Long_button_title_is_truncated_to_75_characters()
    {
        var part = renderer.RenderSingle(new Message("x", [], [MessageAction.Command(new string('b', 200), "help")]));

        AssertWithinLimits(part);
        Assert.Equal(75, part.Blocks[0]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Many_buttons_are_spread_over_actions_blocks_of_25()
    {
        var actions = Enumerable.Range(0, 60).Select(i => MessageAction.Command($"Prompt {i}", $"p{i}")).ToList();

        var part = renderer.RenderSingle(new Message("menu", [], actions));

        AssertWithinLimits(part);
        Assert.Equal([25, 25, 10], part.Blocks.Select(b => b!["elements"]!.AsArray().Count));
    }

    [Fact]
    public void Button_data_over_2000_characters_is_refused_with_a_clear_message()
    {
        var action = new MessageAction("Go", new Dictionary<string, string> { ["action"] = "x", ["blob"] = new string('x', 2_100) });

        var ex = Assert.Throws<ArgumentException>(() => renderer.Render(new Message("x", [], [action])));

        Assert.Contains("2000", ex.Message);
    }

    [Fact]
    public void Without_a_dashboard_url_the_notice_still_says_where_to_look()
    {
        var part = new BlockKitRenderer(null).RenderSingle(new Message("x", Enumerable.Range(0, 80).Select(i => (MessageBlock)new Paragraph($"line {i}")).ToList(), []));

        AssertWithinLimits(part);
        Assert.Contains("web dashboard", part.Blocks[^1]!.ToJsonString());
    }

    /// <summary>Slack's documented Block Kit limits on every block of a message.</summary>
    internal static void AssertWithinLimits(SlackMessage message)
    {
        Assert.InRange(message.Blocks.Count, 1, BlockKitRenderer.MaxBlocks);
        Assert.InRange(message.Text.Length, 1, BlockKitRenderer.MaxFallbackText);
        var actionIds = new List<string>();
        foreach (var block in message.Blocks.Select(b => b!.AsObject()))
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxHeaderText);
                    break;
                case "section" when block["fields"] is JsonArray fields:
                    Assert.InRange(fields.Count, 1, BlockKitRenderer.MaxFieldsPerSection);
                    Assert.All(fields, f => Assert.InRange(f!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxFieldText));
                    break;
                case "section":
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxSectionText);
                    break;
                case "context":
                    Assert.All(block["elements"]!.AsArray(), e => Assert.InRange(e!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxSectionText));
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, BlockKitRenderer.MaxElementsPerActions);
                    foreach (var button in elements.Select(e => e!.AsObject()))
                    {
                        Assert.InRange(button["text"]!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxButtonText);
                        var value = button["value"]!.GetValue<string>();
                        Assert.InRange(value.Length, 1, BlockKitRenderer.MaxButtonValue);
                        Assert.NotNull(JsonSerializer.Deserialize<Dictionary<string, string>>(value));
                        actionIds.Add(button["action_id"]!.GetValue<string>());
                    }

                    break;
                case "rich_text":
                    Assert.All(block["elements"]!.AsArray().SelectMany(e => e!["elements"]!.AsArray()),
                        run => Assert.InRange(run!["text"]!.GetValue<string>().Length, 1, BlockKitRenderer.MaxSectionText));
                    break;
                case "input":
                    actionIds.Add(block["element"]!["action_id"]!.GetValue<string>());
                    break;
                default:
                    Assert.Fail($"Unexpected block type {block["type"]}");
                    break;
            }
        }

        Assert.All(actionIds, id => Assert.InRange(id.Length, 1, BlockKitRenderer.MaxIdLength));
        Assert.Equal(actionIds.Count, actionIds.Distinct().Count());
    }
}
