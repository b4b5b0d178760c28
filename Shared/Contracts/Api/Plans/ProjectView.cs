namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>A project as the plan API names it; Status is null for a project whose row has no status.</summary>
public sealed record ProjectView(Guid Id, string Name, string? Status);
