using EmpathyBot.Core.Prompts;

namespace EmpathyBot.Core.Tests.Prompts;

public sealed class EmpatheticDialoguesCsvTests
{
    private const string Header = "conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags";

    [Fact]
    public void First_utterance_of_each_conversation_becomes_a_prompt_with_commas_restored()
    {
        var csv = string.Join('\n',
            Header,
            "hit:1_conv:2,2,sad,My cat ran away_comma_ and I miss her,2,Did you look everywhere?,,",
            "hit:1_conv:2,1,sad,My cat ran away_comma_ and I miss her,1,My cat is gone_comma_ I can't stop crying.,,",
            "hit:3_conv:4,1,Proud,I finished my first marathon.,1,I actually did it!,5|5|5_2|2|5,",
            "");
        var parsed = EmpatheticDialoguesCsv.Parse(new StringReader(csv), "ed");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Prompts.Count);
        var cat = parsed.Prompts.Single(p => p.Id == "hit:1_conv:2");
        Assert.Equal("sad", cat.Emotion);
        Assert.Equal("My cat ran away, and I miss her", cat.Situation);
        Assert.Equal("My cat is gone, I can't stop crying.", cat.Utterance);
        Assert.Equal("ed", cat.Set);
        Assert.Equal("proud", parsed.Prompts.Single(p => p.Id == "hit:3_conv:4").Emotion);
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_number()
    {
        var csv = string.Join('\n', Header, "c1,1,bored,Nothing to do,1,Meh.,,", "c2,x,sad,Lost keys,1,Ugh,,", "c3,1,sad,Lost,1,,,");
        var parsed = EmpatheticDialoguesCsv.Parse(new StringReader(csv), "ed");
        Assert.Equal([2, 3, 4], parsed.Errors.Select(e => e.Line));
        Assert.Contains("bored", parsed.Errors[0].Message);
    }

    [Fact]
    public void A_missing_column_is_reported()
    {
        var parsed = EmpatheticDialoguesCsv.Parse(new StringReader("conv_id,context\nc1,sad\n"), "ed");
        Assert.Contains("utterance", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void A_stray_quote_is_text_and_never_joins_lines()
    {
        var csv = string.Join('\n', Header,
            "c1,1,sad,He said \"leave_comma_ now,1,I keep hearing \"it,,",
            "c2,1,afraid,A noise at night,1,Did you hear that?,,",
            "");
        var parsed = EmpatheticDialoguesCsv.Parse(new StringReader(csv), "ed");

        Assert.Empty(parsed.Errors);
        Assert.Equal("He said \"leave, now", parsed.Prompts.Single(p => p.Id == "c1").Situation);
        Assert.Equal("I keep hearing \"it", parsed.Prompts.Single(p => p.Id == "c1").Utterance);
        Assert.Equal("A noise at night", parsed.Prompts.Single(p => p.Id == "c2").Situation);
    }
}
