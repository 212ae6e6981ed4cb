using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Dashboard;

/// <summary>
/// With <c>Dashboard:AccessKey</c> set, a request needs it in the <c>X-Access-Key</c> header or the <c>key</c> query
/// parameter (EventSource cannot send headers). Both sides are hashed first so the comparison takes the same time
/// whatever the length or content of the guess.
/// </summary>
public sealed class DashboardAccessFilter(IOptions<DashboardOptions> options) : IEndpointFilter
{
    public const string Header = "X-Access-Key";
    public const string Query = "key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Allows(context.HttpContext.Request)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Text("This dashboard needs its access key (header X-Access-Key or ?key=).",
                statusCode: StatusCodes.Status401Unauthorized));

    public bool Allows(HttpRequest request)
    {
        var expected = options.Value.AccessKey;
        if (string.IsNullOrEmpty(expected)) return true;
        var given = request.Headers[Header].FirstOrDefault() ?? request.Query[Query].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Hash(given), Hash(expected));
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
