using System.Globalization;
using System.Text;

namespace AspireMigration.Shared.Reports;

/// <summary>Values from the database written into Markdown reports, which reviewers open in wikis and pull requests.</summary>
public static class MarkdownText
{
    // Every character that can start inline markup (emphasis, code, links, images, raw HTML, entities,
    // strikethrough), end a table cell (|) or, after a list marker, start a heading (#).
    private const string Markup = "\\`*_[]<>|~&#!";

    /// <summary>A time as a reviewer reads it: UTC to the second (the JSON report keeps full precision).</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Data printed as text: markup characters backslash-escaped, line breaks as spaces, so no value
    /// starts a block (a heading, a list) or leaves its table cell.
    /// </summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                text.Append(' ');
                continue;
            }
            if (Markup.Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }
            text.Append(c);
        }
        return text.ToString();
    }
}
