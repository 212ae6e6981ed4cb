namespace EmpathyBot.Conversation.Messages;

/// <summary>
/// A channel-neutral reply. Renderers turn it into an Adaptive Card, Slack Block Kit or plain text;
/// no card JSON ever appears in the engine. Text is never markup: whatever someone other than the bot wrote
/// (a participant's or a model's reply, a dataset's dialogue) goes in a <see cref="Quote"/>, which every
/// renderer shows verbatim, and the <see cref="Summary"/> is escaped wherever a channel would read it as markup.
/// </summary>
/// <param name="Summary">One line of plain text for notifications and text-only channels; it may quote a participant.</param>
public sealed record Message(string Summary, IReadOnlyList<MessageBlock> Blocks, IReadOnlyList<MessageAction> Actions)
{
    public static Message Text(string text) => new(text, [new Paragraph(text)], []);
}
