namespace EmpathyBot.Core.Ports;

/// <summary>
/// The backing database could not be reached. Nothing was acknowledged, so the caller may safely retry;
/// channel adapters answer "please try again shortly".
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
