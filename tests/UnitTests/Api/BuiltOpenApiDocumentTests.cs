using AspireMigration.TestSupport;

namespace AspireMigration.UnitTests.Api;

/// <summary>
/// The document each service's build wrote (this project builds both) must be the committed one, so an API
/// change without its document fails here, before any server starts.
/// </summary>
public sealed class BuiltOpenApiDocumentTests
{
    [Theory]
    [InlineData("Analyzer", "analyzer")]
    [InlineData("Executor", "executor")]
    public async Task The_build_generated_document_equals_the_committed_one(string project, string name)
    {
        var built = CommittedOpenApi.BuiltPathOf(project, name);
        Assert.True(File.Exists(built), $"{built} is missing: the build of {project} did not write its OpenAPI document.");

        var (committed, generated) = await CommittedOpenApi.CompareAsync(name, await File.ReadAllTextAsync(built));

        Assert.Equal(committed, generated);
    }
}
