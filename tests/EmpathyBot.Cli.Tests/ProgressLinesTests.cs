using EmpathyBot.Cli.Progress;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Cli.Tests;

/// <summary>The plain-line progress used when stderr is not a terminal.</summary>
public sealed class ProgressLinesTests
{
    [Fact]
    public void Writes_the_start_every_tenth_and_the_end_but_not_every_step()
    {
        var writer = new StringWriter();
        var progress = new ProgressLines(writer, "replies", new FakeTimeProvider());

        for (var done = 0; done <= 1000; done++) progress.Report((done, 1000));

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(11, lines.Length);
        Assert.Equal("replies: 0/1000 (0%)", lines[0]);
        Assert.Equal("replies: 500/1000 (50%)", lines[5]);
        Assert.Equal("replies: 1000/1000 (100%)", lines[^1]);
    }

    [Fact]
    public void Writes_a_line_when_the_interval_passes_without_another_tenth()
    {
        var writer = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new ProgressLines(writer, "items", time);

        progress.Report((1, 1000));
        progress.Report((2, 1000));
        time.Advance(ProgressLines.Interval);
        progress.Report((3, 1000));
        progress.Report((4, 1000));

        Assert.Equal(["items: 1/1000 (0%)", "items: 3/1000 (0%)"],
            writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
