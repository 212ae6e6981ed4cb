using EmpathyBot.Models.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmpathyBot.Models.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>Emotion understanding (section <c>Understanding</c>): item sets and the contender runner. Needs the models and a store.</summary>
    public static IServiceCollection AddEmpathyBotUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UnderstandingOptions>().Bind(configuration.GetSection(UnderstandingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddEmpathyBotPrivacy(configuration);
        services.TryAddSingleton<UnderstandingData>();
        services.TryAddSingleton<UnderstandingRunner>();
        return services;
    }
}
