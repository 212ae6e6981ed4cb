using EmpathyBot.Services;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>One attention-check reply: our own text that answers no prompt, so a careful rater rates it Bad.</summary>
public sealed record GoldItem(string Id, string Text);

/// <summary>
/// Gold items from <c>quality/gold.jsonl</c> in the data directory. A gold card carries an id shaped like a
/// person's reply id whose second half is a keyed hash of the participant and a nonce, so it needs no stored
/// state, cannot be told apart from a real reply by its id, and cannot be replayed by someone else.
/// </summary>
public sealed class GoldItems(IOptions<DataOptions> data, IOptions<StudyOptions> study)
{
    public const string RelativePath = "quality/gold.jsonl";

    private readonly Lazy<IReadOnlyList<GoldItem>> items = new(() => Load(Path.Combine(data.Value.Resolve(), RelativePath)));

    public IReadOnlyList<GoldItem> All => items.Value;

    /// <summary>A reply for a gold card: a random gold text under a fresh id only this participant can submit.</summary>
    public Reply Issue(string participant, string promptId, DateTimeOffset now)
    {
        var item = All[Random.Shared.Next(All.Count)];
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return new Reply("h-" + nonce + Mac(participant, nonce), promptId, Sources.Human, item.Text, null, now);
    }

    /// <summary>True when <paramref name="replyId"/> is a gold id issued to this participant.</summary>
    public bool IsGold(string participant, string replyId)
    {
        if (replyId.Length != 18 || !replyId.StartsWith("h-", StringComparison.Ordinal)) return false;
        var nonce = replyId.Substring(2, 8);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(replyId[10..]), Encoding.ASCII.GetBytes(Mac(participant, nonce)));
    }

    private string Mac(string participant, string nonce)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("gold\n" + study.Value.ParticipantSecret), Encoding.UTF8.GetBytes(participant + "\n" + nonce));
        return Convert.ToHexStringLower(mac.AsSpan(0, 4));
    }

    public static IReadOnlyList<GoldItem> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The gold items file '{path}' is missing; it is needed while Rating:GoldRate > 0.");
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
