using EmpathyBot.Models.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Privacy:MinGroupSize, validated on start, and the publisher of people's groups. Safe to call more than once.</summary>
    public static IServiceCollection AddEmpathyBotPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(PeopleGroups))) return services;
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => o.MinGroupSize >= 1, "Privacy:MinGroupSize must be at least 1.").ValidateOnStart();
        services.AddSingleton<PeopleGroups>();
        return services;
    }
}
