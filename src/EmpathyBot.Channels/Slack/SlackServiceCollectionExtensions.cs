using EmpathyBot.Channels.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Registers the Slack channel. It stays inert (endpoints answer 503) until <c>Slack:SigningSecret</c> is set.</summary>
    public static IServiceCollection AddEmpathyBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.DashboardUrl) && configuration["PublicBaseUrl"] is { Length: > 0 } publicBase)
                {
                    o.DashboardUrl = publicBase.TrimEnd('/') + "/dashboard";
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton(sp => new BlockKitRenderer(sp.GetRequiredService<IOptions<SlackOptions>>().Value.DashboardUrl));
        services.TryAddSingleton<SlackWorker>();
        services.AddConversationWorkQueue();
        return services;
    }
}
