using EmpathyBot.Services.Appraisal;
using EmpathyBot.Services.Pairwise;
using EmpathyBot.Services.Privacy;
using EmpathyBot.Services.Prompts;
using EmpathyBot.Services.Summary;
using EmpathyBot.Services.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmpathyBot.Services;

public static class ServicesServiceCollectionExtensions
{
    /// <summary>
    /// Sections <c>Data</c>, <c>Appraisal</c>, <c>Understanding</c> and <c>Privacy</c>, the banks' data services, the publisher
    /// of people's groups and the summary query.
    /// Needs the store's ports registered by the storage layer. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddEmpathyBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(SummaryQuery))) return services;
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        services.AddOptions<AppraisalOptions>().Bind(configuration.GetSection(AppraisalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UnderstandingOptions>().Bind(configuration.GetSection(UnderstandingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => o.MinGroupSize >= 1, "Privacy:MinGroupSize must be at least 1.").ValidateOnStart();
        services.AddOptions<PairwiseOptions>().Bind(configuration.GetSection(PairwiseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PairwiseData>();
        services.TryAddSingleton<PeopleGroups>();
        services.TryAddSingleton<AppraisalData>();
        services.TryAddSingleton<UnderstandingData>();
        services.TryAddSingleton<PromptBankLoader>();
        services.TryAddSingleton<IJudgeRoster, NoJudges>();
        services.TryAddSingleton<SummaryQuery>();
        return services;
    }
}
