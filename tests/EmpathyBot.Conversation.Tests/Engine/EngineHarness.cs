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
    private readonly ServiceProvider services;
    private readonly string directory = Directory.CreateTempSubdirectory("empathybot-engine-").FullName;

    /// <param name="goldRate">Rating:GoldRate and Rating:FirstCardGoldRate: 0 (no attention checks) or 1 (only checks) keeps cards predictable.</param>
    /// <param name="mode">Rating:Mode.</param>
    public EngineHarness(int targetPerReply = 3, int goldRate = 0, string mode = "absolute")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Study:ParticipantSecret"] = "test-secret",
            ["Rating:TargetPerReply"] = targetPerReply.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:GoldRate"] = goldRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:FirstCardGoldRate"] = goldRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rating:Mode"] = mode,
        }).Build();
        Store = new SqliteStudyStore(directory);
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IStudyStore>(Store)
            .AddStudyStorePorts()
            .AddSingleton<IReplyScheduler>(Scheduled)
            .AddEmpathyBotConversation(configuration)
            .BuildServiceProvider();
        Engine = services.GetRequiredService<IConversationEngine>();
    }

    public SqliteStudyStore Store { get; }

    public IConversationEngine Engine { get; }

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
        foreach (var user in users) await PressAsync(user, Button(await SayAsync(user, "hi"), "I agree"));
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
