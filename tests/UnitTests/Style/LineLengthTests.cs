using AspireMigration.TestSupport;

namespace AspireMigration.UnitTests.Style;

/// <summary>
/// No line of code, markup or SQL over 140 characters (.editorconfig's max_line_length): no analyzer enforces it, so
/// this test does, over every such file in the checkout except build output and generated code (Shared/ApiClients/Generated).
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 140;

    private static readonly string[] Extensions = [".cs", ".razor", ".sql"];

    private static readonly HashSet<string> SkippedDirectories =
        new(StringComparer.Ordinal) { "bin", "obj", ".git", "node_modules", "Generated" };

    [Fact]
    public void No_line_is_longer_than_140_characters()
    {
        var tooLong = SourceFiles(Repository.Root)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.path)}:{l.number} ({l.line.Length} characters)")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n{string.Join("\n", tooLong)}");
    }

    private static IEnumerable<string> SourceFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (Extensions.Contains(Path.GetExtension(file), StringComparer.Ordinal) && !file.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                yield return file;
            }
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedDirectories.Contains(Path.GetFileName(child)))
            {
                foreach (var file in SourceFiles(child))
                {
                    yield return file;
                }
            }
        }
    }
}
