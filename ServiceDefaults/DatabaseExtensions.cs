namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    public const string ConnectionName = "appdb";

    /// <summary>The application database as a pooled NpgsqlDataSource, with Aspire's health check, traces and metrics.</summary>
    public static TBuilder AddApplicationDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName);
        return builder;
    }
}
