using System.Globalization;

namespace EmpathyBot.Cli.Progress;

/// <summary>
/// Progress as plain lines for logs and pipes (where a bar's carriage returns would be noise): the first report, then a
/// line whenever another tenth is done or <see cref="Interval"/> has passed since the last line, and the last one.
/// </summary>
internal sealed class ProgressLines(TextWriter writer, string label, TimeProvider time) : IProgress<(int Done, int Total)>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private long lastLineAt;
    private int lastTenth = -1;
    private bool finished;

    public void Report((int Done, int Total) value)
    {
        lock (gate)
        {
            var tenth = value.Total <= 0 ? 10 : Math.Clamp(value.Done * 10 / value.Total, 0, 10);
            var due = lastTenth < 0 || tenth > lastTenth || time.GetElapsedTime(lastLineAt) >= Interval;
            if (!due || finished) return;
            finished = value.Done >= value.Total;
            lastTenth = tenth;
            lastLineAt = time.GetTimestamp();
            var percent = value.Total <= 0 ? 100 : value.Done * 100 / value.Total;
            writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1}/{2} ({3}%)", label, value.Done, value.Total, percent));
        }
    }
}
