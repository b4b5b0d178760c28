namespace AspireMigration.TestSupport;

/// <summary>A service answered something its committed OpenAPI document does not declare.</summary>
public sealed class OpenApiContractException(string message) : Exception(message);
