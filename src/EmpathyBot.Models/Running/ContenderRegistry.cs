using EmpathyBot.Services;
using EmpathyBot.Models.Baseline;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Prompting;
using EmpathyBot.Models.SemanticKernel;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Running;

/// <summary>The configured contenders, built once: each with its chat service (or reply bank) and gate.</summary>
public sealed class ContenderRegistry : IDisposable
{
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<string, RegisteredContender> _byId = new(StringComparer.OrdinalIgnoreCase);

    public ContenderRegistry(
        IOptions<ContendersOptions> contenders, IOptions<PromptingOptions> prompting, IOptions<DataOptions> data, TimeProvider time)
    {
        var dataDir = new Lazy<string>(() => data.Value.Resolve());
        var template = new Lazy<PromptTemplate>(() => LoadTemplate(prompting.Value, dataDir.Value));
        var list = new List<RegisteredContender>();
        foreach (var o in contenders.Value.Items)
        {
            IContender contender;
            if (o.Kind == ContenderProvider.Baseline)
            {
                var replies = Path.Combine(dataDir.Value, "replies");
                contender = new BaselineContender(
                    o.Id, ReplyBank.Load(Path.Combine(replies, "baseline.jsonl")), EmotionLexicon.Load(Path.Combine(replies, "lexicon.jsonl")));
            }
            else
            {
                var http = ChatServiceFactory.CreateHttpClient(o);
                _clients.Add(http);
                contender = new SkChatContender(o, ChatServiceFactory.Create(o, http), template.Value, time);
            }

            var registered = new RegisteredContender(contender, o, new ContenderGate(o.MaxConcurrency, o.RequestsPerMinute, time));
            list.Add(registered);
            _byId[o.Id] = registered;
        }

        All = list;
    }

    public IReadOnlyList<RegisteredContender> All { get; }

    public RegisteredContender? Find(string id) => _byId.GetValueOrDefault(id);

    public static PromptTemplate LoadTemplate(PromptingOptions options, string dataDirectory) =>
        PromptTemplate.Load(Path.Combine(dataDirectory, options.TemplatePath), options.AverageWords, options.MaxWords);

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
    }
}
