using AspireMigration.Shared.Security;
using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Telemetry;

namespace AspireMigration.Dashboard;

public static class DashboardServiceExtensions
{
    public static IHostApplicationBuilder AddDashboardServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
        // "analyzer" and "executor" resolve through Aspire service discovery; the deployment's key
        // proves these calls come from the Dashboard, which names the signed-in user on each one.
        var apiKey = builder.Configuration["ServiceApi:Key"]
            ?? throw new InvalidOperationException(
                "ServiceApi:Key is not set; the AppHost passes the 'service-api-key' parameter, or set ServiceApi__Key.");
        void Configure(HttpClient client, string service)
        {
            client.BaseAddress = new Uri($"https+http://{service}");
            client.DefaultRequestHeaders.Authorization =
                new System.Net.Http.Headers.AuthenticationHeaderValue(ServiceApiHeaders.Scheme, apiKey);
        }
        builder.Services.AddHttpClient<AnalyzerClient>(client => Configure(client, "analyzer"));
        builder.Services.AddHttpClient<ExecutorClient>(client => Configure(client, "executor"));
        builder.FilterCircuitNoise();
        return builder;
    }
}
