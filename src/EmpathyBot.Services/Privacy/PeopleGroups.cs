using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Services.Privacy;

/// <summary>
/// Turns people's live counter cells into what may be published (Privacy:MinGroupSize): a group appears from that many
/// distinct people and then changes only in steps of that many (<see cref="PeopleRelease.Next"/>), with the published
/// state kept in the store so every summary, stream, chat card and report reads the same. Contenders pass unchanged.
/// </summary>
public sealed class PeopleGroups(IPeopleReleaseStore store, IOptions<PrivacyOptions> privacy)
{
    private const char Separator = '\u001f';

    // Read, decide and save as one step, so two builds in this host never publish states one person apart.
    private readonly SemaphoreSlim gate = new(1, 1);

    public int MinGroupSize => privacy.Value.MinGroupSize;

    public async Task<IReadOnlyList<AppraisalCell>> PublishAsync(IReadOnlyList<AppraisalCell> cells, CancellationToken ct)
    {
        static string Key(AppraisalCell c) => string.Join(Separator, "appraisal", c.Emotion, c.Factor, c.Condition);
        var published = await PublishAsync(cells.Where(c => Sources.IsHuman(c.Source))
            .Select(c => (Key(c), c.People, new double[] { c.Moments.N, c.Moments.PaSum, c.Moments.PaSquares, c.Moments.NaSum, c.Moments.NaSquares }))
            .ToArray(), ct);
        return cells.Select(c => !Sources.IsHuman(c.Source) ? c : published[Key(c)] switch
        {
            null => c, // fewer than MinGroupSize people: the summary withholds it
            { Values: null } => c with { Moments = AppraisalMoments.Zero, People = 0 },
            { Values: var v } r => c with { Moments = new AppraisalMoments((long)v[0], (long)v[1], (long)v[2], (long)v[3], (long)v[4]), People = r.People },
        }).ToArray();
    }

    public async Task<IReadOnlyList<UnderstandingTestCell>> PublishAsync(IReadOnlyList<UnderstandingTestCell> cells, CancellationToken ct)
    {
        static string Key(UnderstandingTestCell c) => string.Join(Separator, "understanding", c.Set);
        var published = await PublishAsync(cells.Where(c => Sources.IsHuman(c.Source))
            .Select(c => (Key(c), c.People, new[] { c.N, c.Sum, c.SumSq }))
            .ToArray(), ct);
        return cells.Select(c => !Sources.IsHuman(c.Source) ? c : published[Key(c)] switch
        {
            null => c,
            { Values: null } => c with { N = 0, Sum = 0, SumSq = 0, People = 0 },
            { Values: var v } r => c with { N = (long)v[0], Sum = v[1], SumSq = v[2], People = r.People },
        }).ToArray();
    }

    private async Task<IReadOnlyDictionary<string, PeopleRelease?>> PublishAsync(
        IReadOnlyList<(string Key, long People, double[] Values)> groups, CancellationToken ct)
    {
        // A threshold of one publishes every answer as it comes: there is nothing to step over.
        if (MinGroupSize <= 1 || groups.Count == 0) return groups.ToDictionary(g => g.Key, g => (PeopleRelease?)new PeopleRelease(g.People, g.Values, 0));

        await gate.WaitAsync(ct);
        try
        {
            var state = await store.GetPeopleReleasesAsync(ct);
            var result = new Dictionary<string, PeopleRelease?>(StringComparer.Ordinal);
            var changes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, people, values) in groups)
            {
                var before = state.Groups.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<PeopleRelease>(json) : null;
                var next = PeopleRelease.Next(people, values, before, state.Withdrawals, MinGroupSize);
                result[key] = next;
                if (next is not null && !ReferenceEquals(next, before)) changes[key] = JsonSerializer.Serialize(next);
            }

            if (changes.Count > 0) await store.SavePeopleReleasesAsync(changes, ct);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
