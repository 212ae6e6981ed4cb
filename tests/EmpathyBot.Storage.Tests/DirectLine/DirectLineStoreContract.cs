using System.Text;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Tests.DirectLine;

/// <summary>What every store must do for Direct Line transcripts. Derive once per implementation.</summary>
public abstract class DirectLineStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DirectLineLimits Limits = new(MaxConversations: 3, MaxActivities: 4, MaxBytes: 1000, IdleTimeout: TimeSpan.FromMinutes(30));

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private async Task<IDirectLineStore> CreateTranscriptsAsync() => (IDirectLineStore)await CreateStoreAsync();

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}");

    private static string[] Texts(DirectLineActivitySet set) => set.Activities.Select(Encoding.UTF8.GetString).ToArray();

    [Fact]
    public async Task Activities_come_back_in_order_after_the_watermark()
    {
        var store = await CreateTranscriptsAsync();
        Assert.True(await store.OpenConversationAsync("c1", T0, Limits));

        Assert.Equal(1, await store.AppendActivityAsync("c1", Json("a"), T0, Limits));
        Assert.Equal(2, await store.AppendActivityAsync("c1", Json("b"), T0, Limits));
        Assert.Equal(3, await store.AppendActivityAsync("c1", Json("c"), T0, Limits));

        var all = (await store.GetActivitiesAsync("c1", 0, T0, Limits))!;
        Assert.Equal(["{\"text\":\"a\"}", "{\"text\":\"b\"}", "{\"text\":\"c\"}"], Texts(all));
        Assert.Equal(3, all.Watermark);
        var later = (await store.GetActivitiesAsync("c1", 2, T0, Limits))!;
        Assert.Equal(["{\"text\":\"c\"}"], Texts(later));
        var none = (await store.GetActivitiesAsync("c1", 3, T0, Limits))!;
        Assert.Empty(none.Activities);
        Assert.Equal(3, none.Watermark);
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found_and_takes_no_activity()
    {
        var store = await CreateTranscriptsAsync();

        Assert.Null(await store.GetActivitiesAsync("nope", 0, T0, Limits));
        Assert.Null(await store.AppendActivityAsync("nope", Json("a"), T0, Limits));
        Assert.False(await store.TouchConversationAsync("nope", T0, Limits));
        Assert.Null(await store.GetActivitiesAsync("nope", 0, T0, Limits));
    }

    [Fact]
    public async Task Opening_again_keeps_the_transcript()
    {
        var store = await CreateTranscriptsAsync();
        await store.OpenConversationAsync("c1", T0, Limits);
        await store.AppendActivityAsync("c1", Json("a"), T0, Limits);

        Assert.True(await store.OpenConversationAsync("c1", T0.AddMinutes(1), Limits));

        Assert.Equal(["{\"text\":\"a\"}"], Texts((await store.GetActivitiesAsync("c1", 0, T0, Limits))!));
    }

    [Fact]
    public async Task The_oldest_activities_go_when_a_conversation_passes_its_count_or_size()
    {
        var store = await CreateTranscriptsAsync();
        await store.OpenConversationAsync("c1", T0, Limits);
        foreach (var text in new[] { "1", "2", "3", "4", "5", "6" }) await store.AppendActivityAsync("c1", Json(text), T0, Limits);

        var byCount = (await store.GetActivitiesAsync("c1", 0, T0, Limits))!;
        Assert.Equal(["{\"text\":\"3\"}", "{\"text\":\"4\"}", "{\"text\":\"5\"}", "{\"text\":\"6\"}"], Texts(byCount));
        Assert.Equal(6, byCount.Watermark);

        // 600 + 600 bytes is over the 1000-byte bound: only the newest stays.
        var big = new string('x', 600 - 11);
        await store.AppendActivityAsync("c1", Json(big), T0, Limits);
        Assert.Equal(8, await store.AppendActivityAsync("c1", Json(big), T0, Limits));
        var bySize = (await store.GetActivitiesAsync("c1", 0, T0, Limits))!;
        Assert.Single(bySize.Activities);
        Assert.Equal(600, bySize.Activities[0].Length);

        // The bytes freed are counted: small ones fit again beside it.
        await store.AppendActivityAsync("c1", Json("9"), T0, Limits);
        Assert.Equal(2, (await store.GetActivitiesAsync("c1", 0, T0, Limits))!.Activities.Count);
    }

    [Fact]
    public async Task An_idle_conversation_expires_and_activity_keeps_it_alive()
    {
        var store = await CreateTranscriptsAsync();
        await store.OpenConversationAsync("idle", T0, Limits);
        await store.OpenConversationAsync("busy", T0, Limits);

        var t1 = T0.AddMinutes(20);
        Assert.NotNull(await store.AppendActivityAsync("busy", Json("a"), t1, Limits));
        var t2 = T0.AddMinutes(40);

        Assert.Null(await store.GetActivitiesAsync("idle", 0, t2, Limits));
        Assert.Null(await store.AppendActivityAsync("idle", Json("late"), t2, Limits));
        Assert.False(await store.TouchConversationAsync("idle", t2, Limits));
        Assert.NotNull(await store.GetActivitiesAsync("busy", 0, t2, Limits));
        Assert.True(await store.TouchConversationAsync("busy", t2, Limits));
        Assert.NotNull(await store.GetActivitiesAsync("busy", 0, t2.AddMinutes(29), Limits));
    }

    [Fact]
    public async Task A_full_store_refuses_new_conversations_until_idle_ones_expire()
    {
        var store = await CreateTranscriptsAsync();
        foreach (var id in new[] { "a", "b", "c" }) Assert.True(await store.OpenConversationAsync(id, T0, Limits));

        Assert.False(await store.OpenConversationAsync("d", T0.AddMinutes(1), Limits));
        Assert.Null(await store.GetActivitiesAsync("d", 0, T0.AddMinutes(1), Limits));
        Assert.True(await store.OpenConversationAsync("a", T0.AddMinutes(1), Limits));

        // b and c expire; a was touched and stays.
        var later = T0.AddMinutes(30);
        Assert.True(await store.OpenConversationAsync("d", later, Limits));
        Assert.True(await store.OpenConversationAsync("e", later, Limits));
        Assert.False(await store.OpenConversationAsync("f", later, Limits));
        Assert.NotNull(await store.GetActivitiesAsync("a", 0, later, Limits));
    }

    [Fact]
    public async Task An_expired_conversation_opened_again_starts_empty()
    {
        var store = await CreateTranscriptsAsync();
        await store.OpenConversationAsync("c1", T0, Limits);
        await store.AppendActivityAsync("c1", Json("old"), T0, Limits);

        var later = T0.AddHours(1);
        Assert.True(await store.OpenConversationAsync("c1", later, Limits));

        var set = (await store.GetActivitiesAsync("c1", 0, later, Limits))!;
        Assert.Empty(set.Activities);
    }
}
