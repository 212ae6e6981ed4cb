namespace EmpathyBot.Conversation.Messages;

public abstract record MessageBlock;

public sealed record Heading(string Text) : MessageBlock;

public enum Tone
{
    Normal,
    Subtle,
    Attention,
    Good,
}

public sealed record Paragraph(string Text, Tone Tone = Tone.Normal) : MessageBlock;

/// <summary>
/// A labelled quotation, e.g. the situation or the speaker's utterance of a prompt, or a reply being rated.
/// Its text is someone else's words: renderers show it exactly as written and never as markdown, HTML or a link,
/// so a participant cannot put images, links or formatting into another person's card.
/// </summary>
public sealed record Quote(string Label, string Text) : MessageBlock;

public sealed record Facts(IReadOnlyList<Fact> Items) : MessageBlock;

public sealed record Fact(string Name, string Value);

/// <summary>A small table; the first column is a row label.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : MessageBlock;

/// <summary>Content shown on request (Action.ShowCard in Adaptive Cards, a plain section in Slack).</summary>
public sealed record Expandable(string Title, IReadOnlyList<MessageBlock> Blocks) : MessageBlock;

/// <summary>Number fields submitted together with an action (quiz and appraisal items).</summary>
public sealed record NumberInputs(IReadOnlyList<NumberInput> Inputs) : MessageBlock;

public sealed record NumberInput(string Id, string Label, int Min, int Max, int? Value = null);

/// <summary>
/// Questions answered by picking one labelled choice each (a scale item, say), submitted together with an action;
/// each answer comes back under its input id as the chosen <see cref="Choice.Value"/>.
/// </summary>
public sealed record ChoiceInputs(IReadOnlyList<ChoiceInput> Inputs) : MessageBlock;

public sealed record ChoiceInput(string Id, string Label, IReadOnlyList<Choice> Choices, string? Value = null);

public sealed record Choice(string Value, string Title);
