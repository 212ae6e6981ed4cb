using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Running;
using EmpathyBot.Models.SemanticKernel;
using EmpathyBot.Services;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Judging;

/// <summary>The configured judges, built once through the contenders' Semantic Kernel connectors, each with its own gate; and the judge template.</summary>
public sealed class JudgeRegistry : IDisposable
{
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<string, RegisteredJudge> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<JudgeTemplate> _template;

    public JudgeRegistry(IOptions<JudgesOptions> judges, IOptions<DataOptions> data, TimeProvider time)
    {
        _template = new Lazy<JudgeTemplate>(() => JudgeTemplate.Load(Path.Combine(data.Value.Resolve(), JudgesOptions.TemplatePath)));
        var list = new List<RegisteredJudge>();
        foreach (var o in judges.Value.Items)
        {
            var http = ChatServiceFactory.CreateHttpClient(o);
            _clients.Add(http);
            var model = new SkChatContender(o, ChatServiceFactory.Create(o, http), template: null, time);
            var judge = new RegisteredJudge(o, new RegisteredContender(model, o, new ContenderGate(o.MaxConcurrency, o.RequestsPerMinute, time)), model);
            list.Add(judge);
            _byId[o.Id] = judge;
        }

        All = list;
    }

    public IReadOnlyList<RegisteredJudge> All { get; }

    public JudgeTemplate Template => _template.Value;

    public RegisteredJudge? Find(string id) => _byId.GetValueOrDefault(id);

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
    }
}
