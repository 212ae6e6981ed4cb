using EmpathyBot.Services;
using EmpathyBot.Conversation;
using EmpathyBot.Models.Configuration;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Setup;

public static class DataServiceCollectionExtensions
{
    /// <summary>Our data banks, seeded into the store at start, and the participant-key secret.</summary>
    public static IServiceCollection AddEmpathyBotData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section))
            .Validate(o => Directory.Exists(o.Resolve()), "Data:Directory does not exist.").ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<StudyOptions>, ParticipantSecret>();
        services.AddHostedService<PromptBankSeeder>();
        services.AddHostedService<UnderstandingBankSeeder>();
        return services;
    }
}
