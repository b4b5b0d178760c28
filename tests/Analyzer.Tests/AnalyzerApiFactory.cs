using AspireMigration.Analyzer.Analysis;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// The Analyzer web host in memory, on a test's own database and the fixture's RabbitMQ, or on
/// MassTransit's in-memory test harness when a test wants to see what was published. (Any type of
/// the Analyzer assembly names it as the entry point; 'Program' is ambiguous beside the AppHost's.)
/// </summary>
public sealed class AnalyzerApiFactory(InfrastructureFixture fixture, string connectionString, bool withTestHarness = false)
    : WebApplicationFactory<AnalysisEngine>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:appdb", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", fixture.MessagingConnectionString);
        builder.UseSetting("ServiceApi:Key", fixture.ServiceApiKey);
        if (withTestHarness)
        {
            builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
        }
    }

    /// <summary>Clients call as the Dashboard does, on behalf of an approver named "approver".</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.ActAs(fixture.ServiceApiKey, "approver", Roles.Approver);
    }
}
