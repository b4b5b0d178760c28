namespace AspireMigration.Analyzer.Analysis;

/// <summary>The database cannot be analysed as it is (e.g. it lacks the target tables): the operator must act.</summary>
public sealed class AnalysisPreconditionException(string message) : Exception(message);
