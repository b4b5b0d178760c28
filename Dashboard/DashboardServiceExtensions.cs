using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Plans;

namespace AspireMigration.Dashboard;

public static class DashboardServiceExtensions
{
    public static IHostApplicationBuilder AddDashboardServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
        builder.Services.AddSingleton<PlanReadModel>();
        // "analyzer" and "executor" resolve through Aspire service discovery.
        builder.Services.AddHttpClient<AnalyzerClient>(client => client.BaseAddress = new Uri("https+http://analyzer"));
        builder.Services.AddHttpClient<ExecutorClient>(client => client.BaseAddress = new Uri("https+http://executor"));
        return builder;
    }
}
