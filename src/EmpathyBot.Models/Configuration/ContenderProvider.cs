namespace EmpathyBot.Models.Configuration;

public enum ContenderProvider
{
    /// <summary>api.openai.com (or any OpenAI endpoint given in <c>Endpoint</c>).</summary>
    OpenAI,

    /// <summary>
    /// An Azure OpenAI resource through Semantic Kernel's Azure connector; <c>Endpoint</c> is the resource URL and
    /// <c>Model</c> the deployment name. An Endpoint ending in <c>/openai/v1</c> is asked as an OpenAI endpoint.
    /// </summary>
    AzureOpenAI,

    /// <summary>Ollama, vLLM, llama.cpp, LM Studio or any server that speaks <c>/v1/chat/completions</c>.</summary>
    OpenAICompatible,

    /// <summary>The deterministic, non-LLM responder (retrieval over our reply bank by detected emotion).</summary>
    Baseline,
}
