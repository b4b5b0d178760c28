namespace AspireMigration.AppHost.Infrastructure;

/// <summary>Marks a connection string the user configured: the AppHost neither runs nor waits for it.</summary>
public sealed class ExternalResourceAnnotation : IResourceAnnotation;
