using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Cli.Export;

/// <summary>The LLM judges' verdicts as <c>judge export</c> writes them, one row per verdict.</summary>
public static class JudgeVerdictsTable
{
    public static ExportTable Create(IJudgeStore store) => new("judge_verdicts",
        "LLM judges' verdicts on replies (never human ratings)",
        [
            new TableField("reply_id", FieldType.String, "The reply judged"),
            new TableField("judge", FieldType.String, "Judge Id (appsettings Judges)"),
            new TableField("repeat", FieldType.Integer, "0 for the judge's first verdict on the reply, 1 for the second, ..."),
            new TableField("rating", FieldType.String, "good, okay or bad; empty when the answer was unparseable"),
            new TableField("raw", FieldType.String, "The judge's answer as it came back"),
            new TableField("template_sha256", FieldType.String, "SHA-256 of the judge template the prompt was rendered from"),
            new TableField("time", FieldType.DateTime, "When the verdict was stored (UTC)"),
        ],
        ["reply_id", "judge", "repeat"],
        ct => ExportTable.Map(store.ExportVerdictsAsync(ct), v => [v.ReplyId, v.Judge, (long)v.Repeat, v.Rating?.ToWire(), v.Raw, v.TemplateSha256, v.At], ct));
}
