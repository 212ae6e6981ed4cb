using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Models.Tests.Infrastructure;

/// <summary>A per-test data folder: the repository's template (copied to the test output by the build) plus a small reply bank.</summary>
public sealed class TestData : IDisposable
{
    public TestData()
    {
        Directory = Path.Combine(Path.GetTempPath(), "eb-models-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "templates"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "replies"));
        File.Copy(ShippedTemplate, Path.Combine(Directory, "templates", "welivita-pu.txt"));
        File.Copy(ShippedJudgeTemplate, Path.Combine(Directory, "templates", "judge.txt"));
        File.Copy(ShippedPairJudgeTemplate, Path.Combine(Directory, "templates", "judge-pairwise.txt"));
        File.WriteAllText(Path.Combine(Directory, "replies", "baseline.jsonl"), Bank, Encoding.UTF8);
        File.WriteAllText(Path.Combine(Directory, "replies", "lexicon.jsonl"), Lexicon, Encoding.UTF8);
    }

    public string Directory { get; }

    public string StoreDirectory => Path.Combine(Directory, "store");

    public static string ShippedTemplate => Path.Combine(AppContext.BaseDirectory, "data", "templates", "welivita-pu.txt");

    public static string ShippedJudgeTemplate => Path.Combine(AppContext.BaseDirectory, "data", "templates", "judge.txt");

    public static string ShippedPairJudgeTemplate => Path.Combine(AppContext.BaseDirectory, "data", "templates", "judge-pairwise.txt");

    public const string Bank = """
        {"id":"sad-1","emotion":"sad","text":"I'm so sorry. That must weigh on you."}
        {"id":"sad-2","emotion":"sad","text":"That is really painful; I'm here if you want to talk."}
        {"id":"joy-1","emotion":"joyful","text":"That's wonderful news, you must be thrilled!"}
        {"id":"joy-2","emotion":"joyful","text":"How lovely! Enjoy every moment of it."}
        {"id":"gen-1","emotion":"general","text":"Thank you for telling me. How are you feeling about it now?"}
        {"id":"gen-2","emotion":"general","text":"That sounds like a lot. What happened next?"}
        """;

    public const string Lexicon = """
        {"emotion":"sad","cues":["sad","cried","lost","miss"]}
        {"emotion":"joyful","cues":["happy","joy","delight","celebrat"]}
        """;

    public static StudyPrompt Prompt(string id, string set = "core", string emotion = "sad") =>
        new(id, emotion, $"Situation {id}: my dog was ill for a while.", $"Utterance {id}: I took her to the vet today.", set);

    /// <summary>The shipped PANAS and appraisal prompt, one appraisal situation ("core") and a one-item intensity bank.</summary>
    public void AddQuestionnaires()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "appraisal"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "understanding"));
        var shipped = Path.Combine(AppContext.BaseDirectory, "data");
        File.Copy(Path.Combine(shipped, "appraisal", "panas.json"), Path.Combine(Directory, "appraisal", "panas.json"));
        File.Copy(Path.Combine(shipped, "templates", "appraisal.txt"), Path.Combine(Directory, "templates", "appraisal.txt"));
        File.WriteAllText(Path.Combine(Directory, "appraisal", "situations.json"), Situations, Encoding.UTF8);
        File.WriteAllText(Path.Combine(Directory, "understanding", "intensity.jsonl"), IntensityItem, Encoding.UTF8);
    }

    public const string Situations = """
        {"emotions":[{"name":"Anger","factors":[{"name":"Being treated unfairly","scenarios":[
          "A shop refuses to refund a kettle that broke on its second use, and the clerk suggests you must have dropped it."]}]}]}
        """;

    public const string IntensityItem = """
        {"id":"int-01","dialogue":"Wren: I finished the last box.\nIdris: You didn't have to do it all yourself.","character":"Idris","emotions":["Grateful","Grieving","Guilty","Irritated"],"reference":[8,7,4,0]}
        """;

    public Dictionary<string, string?> Config(params (string Key, string? Value)[] extra)
    {
        var config = new Dictionary<string, string?>
        {
            ["Data:Directory"] = Directory,
            ["ModelRunner:BaseDelay"] = "00:00:00.010",
            ["ModelRunner:MaxDelay"] = "00:00:05",
        };
        foreach (var (k, v) in extra) config[k] = v;
        return config;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
