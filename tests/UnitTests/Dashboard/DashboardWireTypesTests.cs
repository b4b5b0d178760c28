using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AspireMigration.Dashboard.Clients;
using Served = AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>
/// The Dashboard talks to the services through the clients generated from the committed documents (docs/decisions.md,
/// "Generated API clients"): its code names no type of the servers' API contract (Shared/Contracts/Api), so every wire type it
/// reads or sends is the documents', and a service that drifts from its document cannot go unnoticed behind a shared record.
/// </summary>
public sealed class DashboardWireTypesTests
{
    private const string ServerApiContract = "AspireMigration.Shared.Contracts.Api.";

    [Fact]
    public void The_dashboard_names_no_server_api_contract_type_and_uses_both_generated_clients()
    {
        Assert.StartsWith(ServerApiContract, typeof(Served.RunView).FullName);

        var referenced = ReferencedTypes();

        Assert.DoesNotContain(referenced, type => type.StartsWith(ServerApiContract, StringComparison.Ordinal));
        Assert.Contains(referenced, type => type.StartsWith("AspireMigration.ApiClients.Analyzer.", StringComparison.Ordinal));
        Assert.Contains(referenced, type => type.StartsWith("AspireMigration.ApiClients.Executor.", StringComparison.Ordinal));
    }

    /// <summary>Every type of another assembly the Dashboard's code names, in a signature or in a method body alike.</summary>
    private static List<string> ReferencedTypes()
    {
        using var image = new PEReader(File.OpenRead(typeof(AnalyzerClient).Assembly.Location));
        var metadata = image.GetMetadataReader();
        return metadata.TypeReferences.Select(metadata.GetTypeReference)
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .ToList();
    }
}
