using EmpathyBot.Models.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmpathyBot.Models.Appraisal;

public static class AppraisalServiceCollectionExtensions
{
    /// <summary>The PANAS appraisal (section <c>Appraisal</c>): data, and the contender runner. Needs the models and a store.</summary>
    public static IServiceCollection AddEmpathyBotAppraisal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppraisalOptions>().Bind(configuration.GetSection(AppraisalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddEmpathyBotPrivacy(configuration);
        services.TryAddSingleton<AppraisalData>();
        services.TryAddSingleton<AppraisalRunner>();
        return services;
    }
}
