using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Endpoints;

public static class HealthEndpoints
{
    public sealed record Health(string Status);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<IResult> (IStudyStore store, CancellationToken ct) =>
        {
            bool up;
            try
            {
                up = await store.PingAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                up = false;
            }

            return up
                ? TypedResults.Ok(new Health("healthy"))
                : TypedResults.Json(new Health("unhealthy: the store does not answer"), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
