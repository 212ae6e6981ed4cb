using EmpathyBot.Core.Ports;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Judging;
using EmpathyBot.Models.Running;
using EmpathyBot.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models;

public static class ModelsServiceCollectionExtensions
{
    /// <summary>
    /// Contenders (section <c>Contenders</c>), prompting (<c>Prompting</c>) and retries (<c>ModelRunner</c>), validated on
    /// start; the <see cref="ModelRetryPolicy"/> every model request goes through, the batch <see cref="ModelRunner"/>, the
    /// live <see cref="IReplyScheduler"/> and the appraisal and understanding runners, with the study services they read.
    /// Needs the store's ports registered by the storage layer.
    /// </summary>
    public static IServiceCollection AddEmpathyBotModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContendersOptions>()
            .Configure(o => o.BindFrom(configuration.GetSection(ContendersOptions.Section)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContendersOptions>, ContendersOptionsValidator>());
        services.AddOptions<PromptingOptions>().Bind(configuration.GetSection(PromptingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PromptingOptions>, PromptingOptionsValidator>());
        services.AddOptions<ModelRunnerOptions>().Bind(configuration.GetSection(ModelRunnerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddEmpathyBotServices(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContenderRegistry>();
        services.TryAddSingleton<ModelRetryPolicy>();
        services.TryAddSingleton<ModelRunner>();
        services.TryAddSingleton<Appraisal.AppraisalRunner>();
        services.TryAddSingleton<Understanding.UnderstandingRunner>();
        services.TryAddSingleton<ReplyScheduler>();
        services.TryAddSingleton<IReplyScheduler>(sp => sp.GetRequiredService<ReplyScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplyScheduler>());
        services.AddEmpathyBotJudges(configuration);
        return services;
    }
}
