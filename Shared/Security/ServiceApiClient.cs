namespace AspireMigration.Shared.Security;

/// <summary>A configured client, validated, with its keys kept only as SHA-256 hashes for the constant-time comparison.</summary>
internal sealed record ServiceApiClient(
    string Id, IReadOnlyList<byte[]> KeyHashes, bool OnBehalfOf, string Name, IReadOnlyList<string> Roles);
