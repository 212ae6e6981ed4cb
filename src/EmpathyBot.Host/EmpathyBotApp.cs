using EmpathyBot.Channels.Teams;
using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation;
using EmpathyBot.Host.Dashboard;
using EmpathyBot.Host.Endpoints;
using EmpathyBot.Host.Setup;
using EmpathyBot.Models;
using EmpathyBot.Services;
using EmpathyBot.Storage;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host;

/// <summary>The composition root, shared by Program and the tests (which start it on Kestrel at a free port).</summary>
public static class EmpathyBotApp
{
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Settings and the page travel with the binaries; the data directory stays relative to where it runs.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The Bot Framework convention; --urls and ASPNETCORE_URLS still win.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        builder.Services
            .AddEmpathyBotStorage(builder.Configuration)
            .AddEmpathyBotData(builder.Configuration)
            .AddEmpathyBotModels(builder.Configuration)
            .AddEmpathyBotConversation(builder.Configuration)
            .AddEmpathyBotDirectLine(builder.Configuration)
            .AddEmpathyBotTeams(builder.Configuration)
            .AddEmpathyBotSlack(builder.Configuration)
            .AddEmpathyBotDashboard(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        // Researchers look for the data the CLI reads; say where it is once the options have been validated.
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Study data: {Location}", StudyDataLocation.Describe(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value)));
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapSummaryApi();
        app.MapWebChat();
        app.MapDirectLine();
        app.MapTeamsMessages();
        app.MapSlack();
        return app;
    }
}
