using EmpathyBot.Channels.Auth;
using EmpathyBot.Channels.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    public const string AuthHttpClient = "EmpathyBot.Teams.Auth";
    public const string ConnectorHttpClient = "EmpathyBot.Teams.Connector";

    /// <summary>Teams through the Bot Framework: auth, the connector and the conversation work queue (section <c>Bot</c>).</summary>
    public static IServiceCollection AddEmpathyBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(AuthHttpClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        // Every reply is one small POST to the connector, so the per-request extras cost a turn noticeably: the
        // request log lines (failures are logged by ConnectorClient), and trace headers the connector has no use for.
        // Redirects are not followed: the bearer token is for the connector, not for wherever it might point.
        services.AddHttpClient(ConnectorHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ActivityHeadersPropagator = null })
            .RemoveAllLoggers();

        services.AddSingleton(sp => new TeamsAuthenticator(
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AuthHttpClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TeamsAuthenticator>>()));
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient),
            sp.GetRequiredService<IConnectorTokenProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        services.AddConversationWorkQueue();
        services.AddSingleton<TeamsAdapter>();
        return services;
    }
}
