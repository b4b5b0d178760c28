using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>A bUnit context for components built on Fluent UI: its services, and its JavaScript calls answered loosely.</summary>
public abstract class FluentComponentContext : BunitContext
{
    protected FluentComponentContext()
    {
        Services.AddFluentUIComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
