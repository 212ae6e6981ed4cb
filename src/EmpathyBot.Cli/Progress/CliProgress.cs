using System.CommandLine;
using Spectre.Console;

namespace EmpathyBot.Cli.Progress;

/// <summary>
/// Progress of long CLI work, always on stderr so stdout carries only results: a Spectre.Console bar when stderr is a
/// terminal, <see cref="ProgressLines"/> otherwise (redirected to a file, a pipe, or a test's writer).
/// </summary>
internal static class CliProgress
{
    public static Task<T> RunAsync<T>(ParseResult r, string label, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        var error = r.InvocationConfiguration.Error;
        return IsTerminal(error) ? BarAsync(label, work) : work(new ProgressLines(error, label, TimeProvider.System));
    }

    /// <summary>
    /// Progress of work the store does in one transaction (imports are all or nothing): nothing of <paramref name="total"/>
    /// until it commits, then all of it.
    /// </summary>
    public static async Task<T> AllAtOnceAsync<T>(IProgress<(int Done, int Total)> progress, int total, Func<Task<T>> work)
    {
        progress.Report((0, total));
        var result = await work();
        progress.Report((total, total));
        return result;
    }

    private static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    private static async Task<T> BarAsync<T>(string label, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1);
                result = await work(new BarProgress(task));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}
