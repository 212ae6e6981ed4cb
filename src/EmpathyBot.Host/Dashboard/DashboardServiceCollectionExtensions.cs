using EmpathyBot.Conversation;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's settings (section <c>Dashboard</c>) and the one summary broadcaster every stream shares.</summary>
    public static IServiceCollection AddEmpathyBotDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section))
            .Validate(o => o.MaxStreams >= 1, "Dashboard:MaxStreams must be at least 1.")
            .Validate(o => o.UpdateInterval > TimeSpan.Zero && o.UpdateInterval <= TimeSpan.FromMinutes(1),
                "Dashboard:UpdateInterval must be more than zero and at most 00:01:00.")
            .ValidateOnStart();
        // Withholding results from participants means nothing while the dashboard they could open is public.
        services.AddOptions<StudyOptions>()
            .Validate<IOptions<DashboardOptions>>((study, dashboard) =>
                string.Equals(study.ShowResults, StudyOptions.ShowResultsAlways, StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrEmpty(dashboard.Value.AccessKey),
                "Study:ShowResults withholds results from participants, but Dashboard:AccessKey is empty, so anyone could open " +
                "/dashboard and /api/summary; set Dashboard:AccessKey (only the researcher needs it) or Study:ShowResults = always.")
            .ValidateOnStart();
        services.AddSingleton<SummaryBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<SummaryBroadcaster>());
        services.AddSingleton<DashboardAccessFilter>();
        return services;
    }
}
