using AspireMigration.Executor.Reports;
using AspireMigration.Shared.Reports;

namespace AspireMigration.UnitTests.Executor;

/// <summary>What the CSV and Markdown writers do to data that could act as a formula or as markup, and to times.</summary>
public sealed class RunReportWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("migrated", "migrated")]
    [InlineData("", "")]
    public void Csv_cells_never_start_a_formula_and_quote_separators(string value, string cell) =>
        Assert.Equal(cell, CsvRunReportWriter.Cell(value));

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("**bold** _x_ `code`", "\\*\\*bold\\*\\* \\_x\\_ \\`code\\`")]
    [InlineData("[link](http://x) <script>", "\\[link\\](http://x) \\<script\\>")]
    [InlineData("line\n# heading\r\n- item", "line \\# heading  - item")]
    [InlineData("![img](http://x)", "\\!\\[img\\](http://x)")]
    [InlineData("back\\slash &amp;", "back\\\\slash \\&amp;")]
    [InlineData("5e550000-0000-0000-0000-000000000001", "5e550000-0000-0000-0000-000000000001")]
    public void Markdown_text_from_data_is_escaped_and_stays_on_its_line(string value, string text) =>
        Assert.Equal(text, MarkdownText.Escape(value));

    [Fact]
    public void Markdown_times_are_utc_to_the_second() =>
        Assert.Equal("2026-12-02T00:06:56Z",
            MarkdownText.Time(new DateTimeOffset(2026, 12, 2, 1, 6, 56, TimeSpan.FromHours(1)).AddTicks(43457)));
}
