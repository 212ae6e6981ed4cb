using EmpathyBot.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Work;

public static class WorkServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="ConversationWorkQueue"/> every channel shares, bounded by <c>Bot:MaxQueuedTurns</c>, running <c>Bot:MaxParallelTurns</c> at once, stopped
    /// (drained) with the host; safe to call twice.
    /// </summary>
    public static IServiceCollection AddConversationWorkQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var bot = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new ConversationWorkQueue(sp.GetRequiredService<ILogger<ConversationWorkQueue>>(), bot.MaxQueuedTurns, bot.MaxParallelTurns);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConversationWorkQueue>(sp => sp.GetRequiredService<ConversationWorkQueue>()));
        return services;
    }
}
