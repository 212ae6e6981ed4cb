using EmpathyBot.Models.Configuration;
using EmpathyBot.Services.Summary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Judging;

public static class JudgesServiceCollectionExtensions
{
    /// <summary>
    /// Judges (section <c>Judges</c>), validated on start; the <see cref="JudgeRegistry"/>, the summary's
    /// <see cref="IJudgeRoster"/>, the <see cref="JudgeRunner"/> and the live <see cref="JudgeScheduler"/>.
    /// </summary>
    public static IServiceCollection AddEmpathyBotJudges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JudgesOptions>()
            .Configure(o => o.BindFrom(configuration.GetSection(JudgesOptions.Section)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JudgesOptions>, JudgesOptionsValidator>());
        services.TryAddSingleton<JudgeRegistry>();
        services.Replace(ServiceDescriptor.Singleton<IJudgeRoster>(new JudgeRoster(configuration)));
        services.TryAddSingleton<JudgeRunner>();
        services.TryAddSingleton<PairJudgeRunner>();
        services.TryAddSingleton<JudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JudgeScheduler>());
        return services;
    }
}
