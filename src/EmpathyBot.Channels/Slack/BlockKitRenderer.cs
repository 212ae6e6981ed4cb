using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// Renders channel-neutral messages as Block Kit within Slack's limits: long text is split
/// over several sections and messages; beyond <c>maxMessages</c> it is cut with a link to the dashboard,
/// so Slack never rejects a reply.
/// </summary>
/// <param name="dashboardUrl">Linked from a shortened message; null when the host has no public URL.</param>
public sealed class BlockKitRenderer(string? dashboardUrl)
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxFieldText = 2000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxElementsPerActions = 25;
    public const int MaxIdLength = 255;
    public const int MaxLabelText = 2000;
    public const int MaxOptionText = 75;

    /// <summary>Fallback (notification) text is capped well under Slack's 40k so the request stays small.</summary>
    public const int MaxFallbackText = 3000;

    /// <summary>Default number of messages one reply may become before it is shortened.</summary>
    public const int DefaultMaxMessages = 4;

    private const int TableColumnWidth = 40;

    /// <summary>Renders <paramref name="message"/> as one or more Slack messages; inputs and buttons always sit in the last one.</summary>
    public IReadOnlyList<SlackMessage> Render(Message message, int maxMessages = DefaultMaxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var content = new List<JsonObject>();
        var inputs = new List<JsonObject>();
        foreach (var block in message.Blocks)
        {
            RenderBlock(block, content, inputs);
        }

        var tail = inputs.Concat(RenderActions(message.Actions)).ToList();
        if (tail.Count > MaxBlocks - 1)
        {
            throw new ArgumentException($"A Slack message holds at most {MaxBlocks} blocks; this one needs {tail.Count} input and action blocks alone.", nameof(message));
        }

        var parts = Partition(content, tail, maxMessages);
        // Notification text is read as mrkdwn: escaped, a participant's words in it cannot become links or mentions.
        var summary = Escape(message.Summary);
        return parts.Select((blocks, i) => new SlackMessage(
                Truncate(i == 0 ? summary : $"{summary} (part {i + 1} of {parts.Count})", MaxFallbackText),
                new JsonArray(blocks.ToArray<JsonNode?>())))
            .ToList();
    }

    /// <summary>A single message, e.g. to replace the card a button was pressed on.</summary>
    public SlackMessage RenderSingle(Message message) => Render(message, maxMessages: 1)[0];

    private List<List<JsonObject>> Partition(List<JsonObject> content, List<JsonObject> tail, int maxMessages)
    {
        var parts = new List<List<JsonObject>>();
        var next = 0;
        while (true)
        {
            var remaining = content.Count - next;
            if (remaining + tail.Count <= MaxBlocks)
            {
                parts.Add([.. content.Skip(next), .. tail]);
                return parts;
            }

            if (parts.Count == maxMessages - 1)
            {
                var take = MaxBlocks - tail.Count - 1;
                parts.Add([.. content.Skip(next).Take(take), ShortenedNotice(), .. tail]);
                return parts;
            }

            parts.Add(content.Skip(next).Take(MaxBlocks).ToList());
            next += MaxBlocks;
        }
    }

    private JsonObject ShortenedNotice() => Context(dashboardUrl is { Length: > 0 } url
        ? $"_This message was shortened for Slack._ See it in full on the <{url}|dashboard>."
        : "_This message was shortened for Slack; the full version is on the web dashboard._");

    private static void RenderBlock(MessageBlock block, List<JsonObject> content, List<JsonObject> inputs)
    {
        switch (block)
        {
            case Heading h:
                content.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(Truncate(h.Text, MaxHeaderText)) });
                break;
            case Paragraph { Tone: Tone.Subtle } p:
                content.AddRange(Pack(Lines(Escape(p.Text)), "", "").Select(Context));
                break;
            case Paragraph p:
                var marker = p.Tone switch { Tone.Attention => ":warning: ", Tone.Good => ":white_check_mark: ", _ => "" };
                content.AddRange(Pack(Lines(marker + Escape(p.Text)), "", "").Select(Section));
                break;
            case Quote q:
                content.AddRange(Pack(Lines(q.Text), "", "").DefaultIfEmpty("").Select((text, i) => QuoteBlock(i == 0 ? Truncate(q.Label, 200) : null, text)));
                break;
            case Facts f:
                foreach (var chunk in f.Items.Chunk(MaxFieldsPerSection))
                {
                    var fields = chunk.Select(i => (JsonNode?)Mrkdwn(Truncate($"*{Escape(i.Name)}*\n{Escape(i.Value)}", MaxFieldText))).ToArray();
                    content.Add(new JsonObject { ["type"] = "section", ["fields"] = new JsonArray(fields) });
                }

                break;
            case Table t:
                content.AddRange(RenderTable(t).Select(Section));
                break;
            case Expandable e:
                content.Add(Section($"*{Escape(Truncate(e.Title, 500))}*"));
                foreach (var inner in e.Blocks)
                {
                    RenderBlock(inner, content, inputs);
                }

                break;
            case NumberInputs n:
                inputs.AddRange(n.Inputs.Select(NumberInputBlock));
                break;
            case ChoiceInputs c:
                inputs.AddRange(c.Inputs.Select(ChoiceInputBlock));
                break;
            default:
                throw new ArgumentException($"No Block Kit rendering for {block.GetType().Name}.", nameof(block));
        }
    }

    /// <summary>
    /// Someone else's words as a rich text quote. Rich text elements are shown as written: unlike mrkdwn they have no
    /// formatting characters, links or mentions to neutralise, so nothing a participant types can become one.
    /// </summary>
    private static JsonObject QuoteBlock(string? label, string text)
    {
        var elements = new JsonArray();
        if (label is not null) elements.Add(RichTextElement("rich_text_section", label, bold: true));
        if (text.Length > 0) elements.Add(RichTextElement("rich_text_quote", text, bold: false));
        return new JsonObject { ["type"] = "rich_text", ["elements"] = elements };
    }

    private static JsonObject RichTextElement(string type, string text, bool bold)
    {
        var run = new JsonObject { ["type"] = "text", ["text"] = text };
        if (bold) run["style"] = new JsonObject { ["bold"] = true };
        return new JsonObject { ["type"] = type, ["elements"] = new JsonArray(run) };
    }

    /// <summary>Typed values come back in block_actions <c>state.values[block_id][action_id]</c>; the action id is the input id.</summary>
    public static string InputBlockId(string inputId) => Truncate("input:" + inputId, MaxIdLength);

    private static JsonObject NumberInputBlock(NumberInput input)
    {
        var element = new JsonObject
        {
            ["type"] = "number_input",
            ["is_decimal_allowed"] = false,
            ["action_id"] = input.Id,
            ["min_value"] = input.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_value"] = input.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (input.Value is { } v)
        {
            element["initial_value"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (input.Id.Length > MaxIdLength)
        {
            throw new ArgumentException($"Input id '{input.Id[..40]}...' is longer than Slack's {MaxIdLength} characters.", nameof(input));
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = InputBlockId(input.Id),
            ["label"] = PlainText(Truncate($"{input.Label} ({input.Min}–{input.Max})", MaxLabelText)),
            ["element"] = element,
        };
    }

    /// <summary>Radio buttons: the chosen value comes back in <c>state.values[block_id][action_id].selected_option.value</c>.</summary>
    private static JsonObject ChoiceInputBlock(ChoiceInput input)
    {
        if (input.Id.Length > MaxIdLength)
        {
            throw new ArgumentException($"Input id '{input.Id[..40]}...' is longer than Slack's {MaxIdLength} characters.", nameof(input));
        }

        var options = input.Choices.Select(c => new JsonObject { ["text"] = PlainText(Truncate(c.Title, MaxOptionText)), ["value"] = c.Value }).ToArray();
        var element = new JsonObject
        {
            ["type"] = "radio_buttons",
            ["action_id"] = input.Id,
            ["options"] = new JsonArray(options.Select(o => (JsonNode?)o.DeepClone()).ToArray()),
        };
        if (input.Value is { } v && options.FirstOrDefault(o => (string?)o["value"] == v) is { } chosen)
        {
            element["initial_option"] = chosen.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = InputBlockId(input.Id),
            ["label"] = PlainText(Truncate(input.Label, MaxLabelText)),
            ["element"] = element,
        };
    }

    private static IEnumerable<JsonObject> RenderActions(IReadOnlyList<MessageAction> actions)
    {
        var buttons = actions.Select((a, i) =>
        {
            // A link button opens its address; Slack still reports the click, which the endpoints ignore (no value).
            if (a.Url is { } url) return new JsonObject { ["type"] = "button", ["text"] = PlainText(Truncate(a.Title, MaxButtonText)), ["action_id"] = $"empathy_{i}_link", ["url"] = url };
            var value = JsonSerializer.Serialize(a.Data);
            if (value.Length > MaxButtonValue)
            {
                throw new ArgumentException($"Button '{a.Title}' carries {value.Length} characters of data; Slack allows {MaxButtonValue}.", nameof(actions));
            }

            a.Data.TryGetValue(ActionKeys.Action, out var name);
            var button = new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText(Truncate(a.Title, MaxButtonText)),
                ["action_id"] = Truncate($"empathy_{i}_{name}", MaxIdLength),
                ["value"] = value,
            };
            if (a.Style != ActionStyle.Default)
            {
                button["style"] = a.Style == ActionStyle.Positive ? "primary" : "danger";
            }

            return button;
        });
        return buttons.Chunk(MaxElementsPerActions).Select((chunk, k) => new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = $"actions_{k}",
            ["elements"] = new JsonArray(chunk.ToArray<JsonNode?>()),
        });
    }

    /// <summary>Tables become monospace text; the column header repeats on every section a long table is split over.</summary>
    private static IEnumerable<string> RenderTable(Table table)
    {
        var width = table.Columns.Count;
        var cells = table.Rows.Select(r => Enumerable.Range(0, width).Select(c => Cell(c < r.Count ? r[c] : "")).ToArray()).ToList();
        var header = table.Columns.Select(Cell).ToArray();
        var widths = Enumerable.Range(0, width).Select(c => cells.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        string Line(string[] row) => string.Join("  ", row.Select((v, c) => v.PadRight(widths[c]))).TrimEnd();
        var head = Line(header) + "\n" + string.Join("  ", widths.Select(w => new string('-', w)));
        return Pack(cells.Select(Line).Select(Escape), "```\n" + Escape(head) + "\n", "\n```");
    }

    private static string Cell(string value) => Truncate(value.ReplaceLineEndings(" "), TableColumnWidth);

    private static IEnumerable<string> Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Packs lines into texts of at most <see cref="MaxSectionText"/> characters, each wrapped in <paramref name="prefix"/> and <paramref name="suffix"/>; over-long lines are cut at spaces.</summary>
    private static IEnumerable<string> Pack(IEnumerable<string> lines, string prefix, string suffix)
    {
        var budget = MaxSectionText - prefix.Length - suffix.Length;
        var current = new StringBuilder();
        foreach (var line in lines.SelectMany(l => SplitLong(l, budget)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > budget)
            {
                yield return prefix + current + suffix;
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return prefix + current + suffix;
        }
    }

    private static IEnumerable<string> SplitLong(string line, int max)
    {
        while (line.Length > max)
        {
            var cut = line.LastIndexOf(' ', max - 1, max / 2);
            if (cut <= 0)
            {
                cut = SafeCut(line, max);
            }

            yield return line[..cut];
            line = line[cut..].TrimStart(' ');
        }

        yield return line;
    }

    /// <summary>A hard cut that splits neither a surrogate pair nor an escaped entity such as <c>&amp;amp;</c>.</summary>
    private static int SafeCut(string text, int max)
    {
        var cut = max;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp, Math.Min(text.Length - amp, 6)) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return Math.Max(cut, 1);
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>Slack mrkdwn treats only these three as control characters (Slack's formatting docs).</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    private static JsonObject Context(string text) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(text)) };
}
