namespace AspireMigration.Shared.Telemetry;

/// <summary>The ActivitySource and Meter names every service registers and the product's code emits on.</summary>
public static class TelemetryNames
{
    /// <summary>The name of MassTransit's ActivitySource and of its Meter.</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>The ActivitySource and Meter of AspireMigration's own code.</summary>
    public const string AspireMigration = "AspireMigration";
}
