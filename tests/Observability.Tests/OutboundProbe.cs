namespace AspireMigration.Observability.Tests;

/// <summary>A message published only to make the bus talk to its broker.</summary>
public sealed record OutboundProbe(Guid Id);
