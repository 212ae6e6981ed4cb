using System.Text.Json;
using System.Text.Json.Serialization;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Cli.Commands;

/// <summary>Battles as CSV rows and as flat JSON lines (the CSV's columns plus placement, times, lengths and exclusion).</summary>
public static class BattlesJsonl
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static BattleRow Row(BattleRecord b) => new(b.Prompt.Id, b.Prompt.Emotion, b.Prompt.Situation, b.Prompt.Utterance,
        b.A.Source, b.A.Id, b.A.Text, b.B.Source, b.B.Id, b.B.Text, b.Rater, b.Winner);

    public static string Line(BattleRecord b)
    {
        var row = new Dictionary<string, object?>
        {
            ["battle_id"] = b.Id,
            ["prompt_id"] = b.Prompt.Id,
            ["emotion"] = b.Prompt.Emotion,
            ["situation"] = b.Prompt.Situation,
            ["utterance"] = b.Prompt.Utterance,
            ["prompt_set"] = b.Prompt.Set,
            ["source_a"] = b.A.Source,
            ["response_a_id"] = b.A.Id,
            ["response_a"] = b.A.Text,
            ["response_a_words"] = WordCount.Of(b.A.Text),
            ["source_b"] = b.B.Source,
            ["response_b_id"] = b.B.Id,
            ["response_b"] = b.B.Text,
            ["response_b_words"] = WordCount.Of(b.B.Text),
            ["rater"] = b.Rater,
            ["winner"] = b.Winner.ToWire(),
            ["shown_left"] = b.Left switch { BattleSide.A => "a", BattleSide.B => "b", _ => null },
            ["offered_at"] = b.OfferedAt,
            ["answered_at"] = b.AnsweredAt,
            ["rater_excluded"] = b.RaterExcluded,
            ["too_fast"] = b.TooFast,
        };
        return JsonSerializer.Serialize(row, Json);
    }
}
