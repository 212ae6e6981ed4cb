namespace EmpathyBot.Models.Configuration;

/// <summary>One entry of the <c>Contenders</c> array (every field is documented in appsettings.sample.json); judges extend it.</summary>
public class ContenderOptions
{
    /// <summary>Shown in summaries and stored as the reply source. Must contain "baseline" exactly when the provider is Baseline.</summary>
    public string Id { get; set; } = "";

    /// <summary>OpenAI, AzureOpenAI, OpenAICompatible or Baseline. A string, so a typo is reported instead of the entry being skipped by the binder.</summary>
    public string Provider { get; set; } = nameof(ContenderProvider.Baseline);

    /// <summary>The parsed <see cref="Provider"/>; null when it names no known provider.</summary>
    public ContenderProvider? Kind =>
        Enum.TryParse<ContenderProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Provider, out _) ? kind : null;

    /// <summary>False leaves the entry out (not validated, never asked), e.g. to switch off the default baseline with one setting.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Model name (Azure: deployment name). Ignored by the baseline.</summary>
    public string Model { get; set; } = "";

    /// <summary>Base URL. Required for AzureOpenAI (https://RESOURCE.openai.azure.com) and OpenAICompatible (http://127.0.0.1:11434/v1).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The key itself. Prefer <see cref="ApiKeyEnv"/> so keys stay out of files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Name of an environment variable that holds the key.</summary>
    public string? ApiKeyEnv { get; set; }

    public double Temperature { get; set; } = 0.7;

    public int MaxOutputTokens { get; set; } = 256;

    /// <summary>Requests in flight at once for this contender (live and batch together).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Request starts per minute; 0 = no limit.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Per attempt; a timed-out attempt is retried like a 5xx.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : !string.IsNullOrWhiteSpace(ApiKeyEnv) ? Environment.GetEnvironmentVariable(ApiKeyEnv)
        : null;
}
