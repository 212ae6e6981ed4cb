using EmpathyBot.Storage.Abstractions;

namespace EmpathyBot.Storage.Events;

// Publishing people's groups changes no counters, so it passes straight through without events.
public sealed partial class PublishingStudyStore
{
    public Task<PeopleReleases> GetPeopleReleasesAsync(CancellationToken ct = default) => inner.GetPeopleReleasesAsync(ct);

    public Task SavePeopleReleasesAsync(IReadOnlyDictionary<string, string> groups, CancellationToken ct = default) =>
        inner.SavePeopleReleasesAsync(groups, ct);
}
