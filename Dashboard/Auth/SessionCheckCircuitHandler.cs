using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AspireMigration.Dashboard.Auth;

/// <summary>
/// Checks the session before the circuit handles anything the browser sends (a click, a form, a
/// navigation): a revoked user's action is dropped, not performed, and the circuit signs out.
/// </summary>
internal sealed class SessionCheckCircuitHandler(RevalidatingSessionStateProvider session) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (await session.CheckNowAsync(CancellationToken.None))
            {
                await next(context);
            }
        };
}
