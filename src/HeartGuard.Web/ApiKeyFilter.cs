using System.Security.Cryptography;
using System.Text;

namespace HeartGuard.Web;

/// <summary>Optional shared-secret guard for public deployments: when HeartGuard:ApiKey is configured,
/// requests must carry it in X-Api-Key (compared in constant time), else 401 problem+json.</summary>
internal sealed class ApiKeyFilter(HeartGuardWebOptions options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (string.IsNullOrEmpty(options.ApiKey)) return next(context);
        var sent = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(options.ApiKey)))
            return next(context);
        return ValueTask.FromResult<object?>(
            Problems.Problem(StatusCodes.Status401Unauthorized, "API key required", $"Send the service's API key in the {HeaderName} header."));
    }
}
