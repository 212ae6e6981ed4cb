using System.Text.Json.Nodes;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Rendering;

/// <summary>
/// Renders channel-neutral messages as Adaptive Cards 1.5 with Action.Submit: the version and action
/// that both Teams and Web Chat render.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject Attachment(Message message) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = Render(message),
    };

    public static JsonObject Render(Message message)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            // Hosts may render fallback text as markdown, and the summary can quote a participant.
            ["fallbackText"] = MarkdownText.Escape(message.Summary),
            ["body"] = new JsonArray(message.Blocks.Select(RenderBlock).ToArray<JsonNode?>()),
        };
        if (message.Actions.Count > 0) card["actions"] = new JsonArray(message.Actions.Select(RenderAction).ToArray<JsonNode?>());
        return card;
    }

    private static JsonNode RenderBlock(MessageBlock block) => block switch
    {
        Heading h => TextBlock(h.Text, size: "Medium", weight: "Bolder"),
        Paragraph p => Paragraph(p),
        Quote q => new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray(TextBlock(q.Label, size: "Small", weight: "Bolder", subtle: true), Verbatim(q.Text)),
        },
        Facts f => RenderFacts(f),
        Table t => RenderTable(t),
        Expandable e => new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = e.Title,
                ["card"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["version"] = Version,
                    ["body"] = new JsonArray(e.Blocks.Select(RenderBlock).ToArray<JsonNode?>()),
                },
            }),
        },
        NumberInputs n => new JsonObject
        {
            ["type"] = "Container",
            ["items"] = new JsonArray(n.Inputs.Select(RenderInput).ToArray<JsonNode?>()),
        },
        ChoiceInputs c => new JsonObject
        {
            ["type"] = "Container",
            ["items"] = new JsonArray(c.Inputs.Select(RenderChoice).ToArray<JsonNode?>()),
        },
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {block.GetType().Name}."),
    };

    /// <summary>
    /// Each fact as a bold title above its text. A FactSet puts titles in a narrow column that hosts break mid-word
    /// ("withdra/w") on a phone; stacked, a title has the card's full width and wraps between words.
    /// </summary>
    private static JsonNode RenderFacts(Facts facts) => new JsonObject
    {
        ["type"] = "Container",
        ["items"] = new JsonArray(facts.Items.SelectMany((fact, i) =>
        {
            var title = TextBlock(fact.Name, weight: "Bolder");
            if (i > 0) title["spacing"] = "Medium";
            var value = TextBlock(fact.Value);
            value["spacing"] = "None";
            return new JsonNode[] { title, value };
        }).ToArray<JsonNode?>()),
    };

    private static JsonNode Paragraph(Paragraph p)
    {
        var node = TextBlock(p.Text, subtle: p.Tone == Tone.Subtle);
        if (p.Tone == Tone.Attention) node["color"] = "Attention";
        if (p.Tone == Tone.Good) node["color"] = "Good";
        return node;
    }

    private static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool subtle = false)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) node["size"] = size;
        if (weight is not null) node["weight"] = weight;
        if (subtle) node["isSubtle"] = true;
        return node;
    }

    /// <summary>
    /// Text shown exactly as written. Hosts render a TextBlock's text as markdown (Web Chat's even lets images and
    /// links through), but a TextRun's never, by the Adaptive Cards schema. The renderer still expands
    /// <c>{{DATE(...)}}</c> and <c>{{TIME(...)}}</c> in a TextRun, so an invisible word joiner keeps the braces apart.
    /// </summary>
    private static JsonObject Verbatim(string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray(new JsonObject { ["type"] = "TextRun", ["text"] = text.Replace("{{", "{\u2060{") }),
    };

    // Rows as ColumnSets: Teams mobile and Web Chat render them everywhere, unlike the 1.5 Table element.
    private static JsonNode RenderTable(Table table)
    {
        JsonNode Row(IReadOnlyList<string> cells, bool header) => new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = header ? "Medium" : "Small",
            ["columns"] = new JsonArray(cells.Select((cell, i) => (JsonNode)new JsonObject
            {
                ["type"] = "Column",
                ["width"] = i == 0 ? "stretch" : "auto",
                ["items"] = new JsonArray(TextBlock(cell, weight: header ? "Bolder" : null)),
            }).ToArray<JsonNode?>()),
        };

        var rows = new JsonArray(Row(table.Columns, header: true));
        foreach (var row in table.Rows) rows.Add(Row(row, header: false));
        return new JsonObject { ["type"] = "Container", ["items"] = rows };
    }

    private static JsonNode RenderInput(NumberInput input)
    {
        var node = new JsonObject
        {
            ["type"] = "Input.Number",
            ["id"] = input.Id,
            ["label"] = input.Label,
            ["min"] = input.Min,
            ["max"] = input.Max,
            ["isRequired"] = true,
            ["errorMessage"] = $"Enter a number from {input.Min} to {input.Max}.",
        };
        if (input.Value is { } v) node["value"] = v;
        return node;
    }

    // Expanded: every choice is a visible radio button, one tap per item, with its label beside the number.
    private static JsonNode RenderChoice(ChoiceInput input)
    {
        var node = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = input.Id,
            ["label"] = input.Label,
            ["style"] = "expanded",
            ["isMultiSelect"] = false,
            ["isRequired"] = true,
            ["errorMessage"] = $"Choose one answer for {input.Label}.",
            ["choices"] = new JsonArray(input.Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray<JsonNode?>()),
        };
        if (input.Value is { } v) node["value"] = v;
        return node;
    }

    private static JsonNode RenderAction(MessageAction action)
    {
        if (action.Url is { } url) return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = action.Title, ["url"] = url };
        var data = new JsonObject();
        foreach (var (key, value) in action.Data) data[key] = value;
        var node = new JsonObject { ["type"] = "Action.Submit", ["title"] = action.Title, ["data"] = data };
        if (action.Style == ActionStyle.Positive) node["style"] = "positive";
        if (action.Style == ActionStyle.Destructive) node["style"] = "destructive";
        return node;
    }
}
