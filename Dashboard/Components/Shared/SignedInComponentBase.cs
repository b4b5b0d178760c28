using AspireMigration.Dashboard.Clients;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AspireMigration.Dashboard.Components.Shared;

/// <summary>A page that calls service APIs on behalf of the signed-in user.</summary>
public abstract class SignedInComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected async Task<Actor> ActorAsync() => Actor.From((await AuthenticationState).User);
}
