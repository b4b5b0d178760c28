namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <param name="Lower">Inclusive lower bound of the bucket, in tenths (0.0, 0.1, … 0.9).</param>
public sealed record ConfidenceBucket(decimal Lower, int Items);
