using Npgsql;

namespace AspireMigration.TestSupport;

/// <summary>What a service is given and must never write to a log, by name.</summary>
public static class ServiceSecrets
{
    public static IReadOnlyDictionary<string, string> Of(
        string databaseConnectionString, string messagingConnectionString, string serviceApiKey)
    {
        var brokerPassword = new Uri(messagingConnectionString).UserInfo.Split(':', 2)[1];
        return new Dictionary<string, string>
        {
            ["the database password"] = new NpgsqlConnectionStringBuilder(databaseConnectionString).Password!,
            ["the database connection string"] = databaseConnectionString,
            ["the service API key"] = serviceApiKey,
            ["the RabbitMQ password"] = Uri.UnescapeDataString(brokerPassword),
            ["the RabbitMQ connection string"] = messagingConnectionString,
        };
    }
}
