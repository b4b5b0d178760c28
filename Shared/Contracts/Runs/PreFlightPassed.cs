using System.Text;

namespace AspireMigration.Shared.Contracts.Runs;

public sealed record PreFlightPassed(Guid RunId, int Included, int Skipped, int TotalBatches, IReadOnlyList<string> Warnings) : IRunMessage
{
    // The Executor logs the whole message: the warnings by their text, not by the name of the list's type.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"RunId = {RunId}, Included = {Included}, Skipped = {Skipped}, TotalBatches = {TotalBatches}, ");
        builder.Append($"Warnings = [{string.Join("; ", Warnings)}]");
        return true;
    }
}
