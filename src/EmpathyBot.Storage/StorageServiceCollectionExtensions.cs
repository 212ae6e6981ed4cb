using EmpathyBot.Storage.Abstractions;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IStudyStore"/> (singleton) for the provider named in section <c>Storage</c>.</summary>
    public static IServiceCollection AddEmpathyBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<IStudyStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var provider = options.IsSqlite ? StorageOptions.SqliteProvider : options.IsRedis ? StorageOptions.RedisProvider : options.Provider;
            switch (provider)
            {
                case "Sqlite":
                    return new SqliteStudyStore(options.DataDirectory, sp.GetRequiredService<TimeProvider>());
                case "Redis":
                    return global::EmpathyBot.Storage.Redis.RedisStudyStore.Open(options.Redis);
                default:
                    throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not known; use 'Sqlite' or 'Redis'.");
            }
        });
        // The parts, for services that need only one concern of the store.
        services.TryAddSingleton<IPromptStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IParticipantStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IReplyStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IRatingStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.TryAddSingleton<IDirectLineStore>(sp => DirectLineStoreOf(sp.GetRequiredService<IStudyStore>()));
        services.AddHostedService<StudyStoreStartup>();
        return services;
    }

    // Transcripts are not study events: they go to the store under the publishing decorator.
    private static IDirectLineStore DirectLineStoreOf(IStudyStore store) => store switch
    {
        PublishingStudyStore publishing => DirectLineStoreOf(publishing.Inner),
        IDirectLineStore transcripts => transcripts,
        _ => throw new InvalidOperationException($"The study store {store.GetType().Name} keeps no Direct Line conversations."),
    };
}
