using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the study store for the provider named in section <c>Storage</c> (singleton), its live events and
    /// every port over it (<see cref="AddStudyStorePorts"/>).
    /// </summary>
    public static IServiceCollection AddEmpathyBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o => o.DataDirectory = StudyDataLocation.Resolve(o.DataDirectory, Directory.GetCurrentDirectory()))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<IStudyStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.IsSqlite) return new SqliteStudyStore(options.DataDirectory, sp.GetRequiredService<TimeProvider>());
            if (options.IsRedis) return RedisStudyStore.Open(options.Redis, sp.GetRequiredService<TimeProvider>());
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not known; use 'Sqlite' or 'Redis'.");
        });
        services.AddHostedService<StudyStoreStartup>();
        services.AddHostedService<SqliteChangeWatcher>();
        return services.AddStudyStorePorts();
    }

    /// <summary>
    /// Registers <see cref="IStudyEvents"/> and each port of the registered <see cref="IStudyStore"/>, so consumers
    /// take only the role they use. Redis announces its writes itself (pub/sub, across host instances); any other store
    /// is fronted by <see cref="PublishingStudyStore"/> for the ports whose writes change the live summary.
    /// </summary>
    public static IServiceCollection AddStudyStorePorts(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IStudyEvents))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStudyEvents>(sp => sp.GetRequiredService<IStudyStore>() is RedisStudyStore redis
            ? new RedisStudyEvents(redis.Connection, redis.Keys)
            : new InProcessStudyEvents());
        services.AddSingleton(sp => new PublishingStudyStore(
            sp.GetRequiredService<IStudyStore>(), sp.GetRequiredService<IStudyEvents>(), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IReplyStore>(Publishing<IReplyStore>);
        services.AddSingleton<IRatingStore>(Publishing<IRatingStore>);
        services.AddSingleton<IParticipantStore>(Publishing<IParticipantStore>);
        services.AddSingleton<IQualityStore>(Publishing<IQualityStore>);
        services.AddSingleton<IBattleStore>(Publishing<IBattleStore>);
        services.AddSingleton<IPromptStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IAppraisalStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IUnderstandingStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IPeopleReleaseStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<ISourceAssignmentStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IParticipantRecordStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IParticipantActivityStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<ICardTimingStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IIntegrityStore>(Publishing<IIntegrityStore>);
        services.AddSingleton<IJudgeStore>(sp => sp.GetRequiredService<IStudyStore>());
        services.AddSingleton<IPairVerdictStore>(sp => sp.GetRequiredService<IStudyStore>());
        return services;
    }

    private static TPort Publishing<TPort>(IServiceProvider sp) where TPort : class =>
        sp.GetRequiredService<IStudyStore>() is RedisStudyStore redis ? (TPort)(object)redis : (TPort)(object)sp.GetRequiredService<PublishingStudyStore>();
}
