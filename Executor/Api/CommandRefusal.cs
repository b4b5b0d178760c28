namespace AspireMigration.Executor.Api;

/// <summary>Why a run command is answered 409 before anything is published: a stable title, the specifics in the detail.</summary>
public sealed record CommandRefusal(string Title, string Detail);
