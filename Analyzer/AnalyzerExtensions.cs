using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Api;
using AspireMigration.Analyzer.Health;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Messaging;
using AspireMigration.Shared.Security;

namespace AspireMigration.Analyzer;

public static class AnalyzerExtensions
{
    public const string SettingsSection = "Analyzer";

    /// <summary>The whole service as it runs, for its Program and for a host that measures it in-process (the bench).</summary>
    public static TBuilder AddAnalyzerService<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddServiceDefaults();
        builder.AddApplicationDatabase();
        builder.AddMessaging();
        builder.AddServiceApiSecurity();
        builder.AddAlerts(notify: true);
        return builder.AddAnalyzer();
    }

    /// <summary>The request pipeline of <see cref="AddAnalyzerService{TBuilder}"/>: authentication, health and the API.</summary>
    public static WebApplication MapAnalyzerService(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        return app.MapAnalyzerEndpoints();
    }

    /// <summary>The analysis engine, plan queries, health figures and the API's error handling.</summary>
    public static TBuilder AddAnalyzer<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = builder.Configuration.GetSection(SettingsSection).Get<AnalysisSettings>() ?? AnalysisSettings.Default;
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Invalid '{SettingsSection}' settings: {string.Join(" ", errors.Values.SelectMany(e => e))}");
        }
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AnalysisEngine>();
        builder.Services.AddSingleton<PlanQueries>();
        builder.Services.AddSingleton<PlanDecisions>();
        builder.Services.AddSingleton<ProjectQueries>();
        builder.Services.AddSingleton<HealthSummaryQuery>();
        builder.Services.AddHealthChecks().AddCheck<AnalyzerHealthCheck>(AnalyzerHealthCheck.Name);
        builder.Services.AddHostedService<OrphanCountGauge>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.AddServiceApi(document => document.AddSchemaTransformer<WordSchemaTransformer>());
        return builder;
    }

    /// <summary>Error pages as ProblemDetails (also for 4xx without a body), the OpenAPI document, then the API.</summary>
    public static WebApplication MapAnalyzerEndpoints(this WebApplication app)
    {
        app.UseServiceApi();
        app.MapPlanEndpoints();
        app.MapOverviewEndpoints();
        return app;
    }
}
