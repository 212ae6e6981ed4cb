using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>The engine over a real SQLite store in a temp directory; the model scheduler records what it is asked.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("empathybot-engine-").FullName;
    private readonly IConfiguration configuration;
    private readonly TimeProvider? time;
    private ServiceProvider services;

    /// <param name="goldRate">Rating:GoldRate and Rating:FirstCardGoldRate: 0 (no attention checks) or 1 (only checks) keeps cards predictable.</param>
    /// <param name="settings">More settings (a protocol, say), over the defaults. The speed checks are off unless given here: the harness answers at machine speed.</param>
    /// <param name="time">The clock of the store and the engine (the system clock when null).</param>
    /// <param name="mode">Rating:Mode.</param>
    public EngineHarness(int targetPerReply = 3, int goldRate = 0, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, string mode = "absolute")
    {
        var values = new Dictionary<string, string?>
        {
            ["Study:ParticipantSecret"] = "test-secret",
            ["Rating:TargetPerReply"] = targetPerReply.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:GoldRate"] = goldRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:FirstCardGoldRate"] = goldRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:MinSecondsPerCard"] = "0",
            ["Quality:MaxCharsPerSecond"] = "0",
            ["Rating:Mode"] = mode,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        this.time = time;
        (Store, services, Engine) = Build();
    }

    private (SqliteStudyStore, ServiceProvider, IConversationEngine) Build()
    {
        var store = new SqliteStudyStore(directory, time);
        var provider = new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddLogging()
            .AddSingleton<IStudyStore>(store)
            .AddStudyStorePorts()
            .AddSingleton<IReplyScheduler>(Scheduled)
            .AddEmpathyBotConversation(configuration)
            .BuildServiceProvider();
        return (store, provider, provider.GetRequiredService<IConversationEngine>());
    }

    /// <summary>Stops the engine and its store and starts them again over the same database, as a restarted host would.</summary>
    public async Task RestartAsync()
    {
        await services.DisposeAsync();
        await Store.DisposeAsync();
        (Store, services, Engine) = Build();
    }

    public SqliteStudyStore Store { get; private set; }

    public IConversationEngine Engine { get; private set; }

    public IServiceProvider Services => services;

    public RecordingScheduler Scheduled { get; } = new();

    public static StudyPrompt Prompt(string id, string emotion = "afraid") =>
        new(id, emotion, $"Situation of {id}.", $"Utterance of {id}?", "core");

    public Task<TurnResult> SayAsync(string user, string text) =>
        Engine.HandleAsync(new Turn("test", user, "conv-" + user, TurnKind.Message, text));

    public Task<TurnResult> PressAsync(string user, MessageAction action) =>
        Engine.HandleAsync(new Turn("test", user, "conv-" + user, TurnKind.Message, null, action.Data));

    /// <summary>"forget me", then the confirmation button: what the participant is told at the end.</summary>
    public async Task<TurnResult> ForgetAsync(string user) =>
        await PressAsync(user, Button(await SayAsync(user, "forget me"), "Yes, delete everything"));

    public async Task ConsentAsync(params string[] users)
    {
        foreach (var user in users) await PressAsync(user, Button(await SayAsync(user, "hi"), "I am 18 or older and agree"));
    }

    public static MessageAction Button(TurnResult result, string title) =>
        result.Replies.Append(result.ReplaceActionSource).OfType<Message>().SelectMany(m => m.Actions).First(a => a.Title == title);

    public static string Text(TurnResult result) => string.Join("\n",
        result.Replies.Append(result.ReplaceActionSource).OfType<Message>().Select(m => m.Summary));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    public sealed class RecordingScheduler : IReplyScheduler
    {
        public List<string> PromptIds { get; } = [];

        public void Schedule(StudyPrompt prompt) => PromptIds.Add(prompt.Id);
    }
}
