namespace AspireMigration.Executor.Persistence;

/// <summary>The table a saga type is stored in (a constant of our own schema, never user input).</summary>
public sealed record SagaTable<TSaga>(string QualifiedName);
