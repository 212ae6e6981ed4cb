using System.Text;

namespace EmpathyBot.Bench.Turns;

/// <summary>Teams-shaped message activities (personal chat, auth off) whose replies go to the sink.</summary>
public static class Activities
{
    public const string ReplyText = "That sounds really hard. I am here with you, and it makes sense that you feel this way.";

    public static byte[] Text(string id, string serviceUrl, Participant p, string text) =>
        Build(id, serviceUrl, p, $"\"text\":\"{text}\"");

    public static byte[] Value(string id, string serviceUrl, Participant p, string valueJson) =>
        Build(id, serviceUrl, p, $"\"value\":{valueJson}");

    private static byte[] Build(string id, string serviceUrl, Participant p, string content) => Encoding.UTF8.GetBytes(
        $"{{\"type\":\"message\",\"id\":\"{id}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{serviceUrl}\","
        + $"\"from\":{{\"id\":\"{p.User}\",\"name\":\"Participant\"}},\"recipient\":{{\"id\":\"bench-bot\",\"name\":\"EmpathyBot\"}},"
        + $"\"conversation\":{{\"id\":\"{p.Conversation}\",\"conversationType\":\"personal\"}},{content}}}");
}
