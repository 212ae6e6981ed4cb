using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Privacy;
using EmpathyBot.Models.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models;

public static class ModelsServiceCollectionExtensions
{
    /// <summary>
    /// Contenders (section <c>Contenders</c>), prompting (<c>Prompting</c>), retries (<c>ModelRunner</c>) and data files
    /// (<c>Data</c>) and the people-figure threshold (<c>Privacy</c>), validated on start; the batch <see cref="ModelRunner"/> and the live <see cref="IReplyScheduler"/>.
    /// Needs an <c>IStudyStore</c> registered by the storage layer.
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
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        services.AddEmpathyBotPrivacy(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContenderRegistry>();
        services.TryAddSingleton<ModelRunner>();
        services.TryAddSingleton<Prompting.PromptBankLoader>();
        services.TryAddSingleton<ReplyScheduler>();
        services.TryAddSingleton<IReplyScheduler>(sp => sp.GetRequiredService<ReplyScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplyScheduler>());
        return services;
    }
}
