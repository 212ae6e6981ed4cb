using EmpathyBot.Services;
using System.Text.Json;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>One attention-check reply: our own text that answers no prompt, so a careful rater rates it Bad.</summary>
public sealed record GoldItem(string Id, string Text);

/// <summary>
/// Gold items from <c>quality/gold.jsonl</c> in the data directory. A gold card carries an id made like a person's
/// reply id (<see cref="ReplyIds.NewGold"/>), so nothing in the card gives it away; the store records that it was
/// offered to that rater as gold, which is how an answer is recognised and why nobody else can answer it.
/// </summary>
public sealed class GoldItems(IOptions<DataOptions> data)
{
    public const string RelativePath = "quality/gold.jsonl";

    private readonly Lazy<IReadOnlyList<GoldItem>> items = new(() => Load(Path.Combine(data.Value.Resolve(), RelativePath)));

    public IReadOnlyList<GoldItem> All => items.Value;

    /// <summary>The reply a gold card shows: a random gold text under <paramref name="goldId"/>.</summary>
    public Reply Issue(string goldId, string promptId, DateTimeOffset now)
    {
        var item = All[Random.Shared.Next(All.Count)];
        return new Reply(goldId, promptId, Sources.Human, item.Text, null, now);
    }

    public static IReadOnlyList<GoldItem> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The gold items file '{path}' is missing; it is needed while Rating:GoldRate or Rating:FirstCardGoldRate > 0.");
        }

        var list = new List<GoldItem>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            GoldItem? item;
            try
            {
                item = JsonSerializer.Deserialize<GoldItem>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{path}:{line}: not a JSON object: {e.Message}", e);
            }

            if (item is null || string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Text))
            {
                throw new InvalidOperationException($"{path}:{line}: a gold item needs \"id\" and \"text\".");
            }

            list.Add(item);
        }

        return list.Count > 0 ? list : throw new InvalidOperationException($"The gold items file '{path}' has no items.");
    }
}
