using System.Text;

namespace EmpathyBot.Bench.Turns;

/// <summary>Teams-shaped message activities (personal chat, auth off) whose replies go to the sink.</summary>
public static class Activities
{
    private static readonly string[] Openings =
    [
        "That sounds really hard.", "I am so sorry this happened.", "What a lot to carry.", "That must hurt.",
        "I can hear how much this matters.", "Oh no, that is rough.", "I am glad you told me.", "That is a heavy week.",
    ];

    private static readonly string[] Words =
    [
        "you", "feel", "alone", "tired", "friend", "family", "work", "sleep", "walk", "talk", "tomorrow", "today", "still",
        "care", "worth", "time", "slow", "rest", "hope", "listen", "space", "gentle", "small", "steps", "help", "call",
        "sister", "brother", "mother", "father", "school", "exam", "job", "money", "home", "plans", "kind", "honest",
        "brave", "okay", "allowed", "sad", "angry", "worried", "proud", "lucky", "maybe", "together", "later", "soon",
    ];

    /// <summary>
    /// A reply of the participant's own: an opening and twelve words drawn at random, so that two replies share almost no
    /// word 3-gram. (One text for everyone made every reply after the first a near-duplicate, kept out of the rating pool.)
    /// </summary>
    public static string ReplyText()
    {
        var words = new string[12];
        for (var i = 0; i < words.Length; i++) words[i] = Words[Random.Shared.Next(Words.Length)];
        return $"{Openings[Random.Shared.Next(Openings.Length)]} {string.Join(' ', words)}.";
    }

    public static byte[] Text(string id, string serviceUrl, Participant p, string text) =>
        Build(id, serviceUrl, p, $"\"text\":\"{text}\"");

    public static byte[] Value(string id, string serviceUrl, Participant p, string valueJson) =>
        Build(id, serviceUrl, p, $"\"value\":{valueJson}");

    private static byte[] Build(string id, string serviceUrl, Participant p, string content) => Encoding.UTF8.GetBytes(
        $"{{\"type\":\"message\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{serviceUrl}\","
        + $"\"from\":{{\"id\":\"{p.User}\",\"name\":\"Participant\"}},\"recipient\":{{\"id\":\"bench-bot\",\"name\":\"EmpathyBot\"}},"
        + $"\"conversation\":{{\"id\":\"{p.Conversation}\",\"conversationType\":\"personal\"}},{content}}}");
}
