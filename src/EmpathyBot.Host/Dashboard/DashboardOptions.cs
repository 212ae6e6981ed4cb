namespace EmpathyBot.Host.Dashboard;

/// <summary>Section <c>Dashboard</c>: who may read the live summary and how much it may cost the host.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>When set, <c>/dashboard</c>, <c>/api/summary</c> and its stream need it (header <c>X-Access-Key</c> or <c>?key=</c>); empty = public.</summary>
    public string AccessKey { get; set; } = "";

    /// <summary>Open <c>/api/summary/stream</c> connections at most; one more gets 503 with Retry-After.</summary>
    public int MaxStreams { get; set; } = 100;

    /// <summary>Least time between two summary builds pushed to the streams: a burst of changes becomes one update.</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
