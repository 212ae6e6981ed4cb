using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Cli.Export;

/// <summary>The LLM judges' verdicts on pairs of replies as <c>judge export --pairwise</c> writes them, one row per verdict.</summary>
public static class PairVerdictsTable
{
    public static ExportTable Create(IPairVerdictStore store) => new("judge_pair_verdicts",
        "LLM judges' verdicts on pairs of replies people compared, each pair asked in both orders (never battles)",
        [
            new TableField("response_a_id", FieldType.String, "The pair's reply A (battle order, as in battles export)"),
            new TableField("response_b_id", FieldType.String, "The pair's reply B"),
            new TableField("judge", FieldType.String, "Judge Id (appsettings Judges)"),
            new TableField("order", FieldType.String, "ab: reply A was shown first (as \"Reply A\"); ba: reply B was"),
            new TableField("repeat", FieldType.Integer, "0 for the judge's first verdict on the pair in this order, 1 for the second, ..."),
            new TableField("winner", FieldType.String, "a, b, tie or both_bad in the pair's own order (a = response_a_id); empty when unparseable"),
            new TableField("raw", FieldType.String, "The judge's answer as it came back (its A and B name the order shown)"),
            new TableField("template_sha256", FieldType.String, "SHA-256 of the pairwise judge template the prompt was rendered from"),
            new TableField("time", FieldType.DateTime, "When the verdict was stored (UTC)"),
        ],
        ["response_a_id", "response_b_id", "judge", "order", "repeat"],
        ct => ExportTable.Map(store.ExportPairVerdictsAsync(ct),
            v => [v.ReplyA, v.ReplyB, v.Judge, v.Order.ToWire(), (long)v.Repeat, v.Winner?.ToWire(), v.Raw, v.TemplateSha256, v.At], ct));
}
