using System.Text.Json;

namespace AspireMigration.Executor.Persistence;

/// <summary>How saga state is serialized into its jsonb column (and read back by the API).</summary>
public static class SagaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
