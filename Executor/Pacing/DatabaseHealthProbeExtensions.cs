namespace AspireMigration.Executor.Pacing;

public static class DatabaseHealthProbeExtensions
{
    /// <summary>The target database's health probe, with its thresholds from "Executor:Health".</summary>
    public static TBuilder AddDatabaseHealthProbe<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<HealthThresholds>().BindConfiguration(HealthThresholds.Section);
        builder.Services.AddSingleton<IDatabaseHealthProbe, PostgresHealthProbe>();
        return builder;
    }
}
