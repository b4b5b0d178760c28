using Spectre.Console;
using Spectre.Console.Rendering;

namespace AspireMigration.Cli.Output;

/// <summary>Tables of API rows for people; data is escaped, never read as markup.</summary>
public static class Tables
{
    /// <summary>A table as wide as its longest values, or, on a terminal narrower than that, one block of fields per row.</summary>
    public static IRenderable Of<T>(IEnumerable<T>? rows, params (string Header, Func<T, string> Cell)[] columns)
    {
        var cells = (rows ?? []).Select(row => columns.Select(c => c.Cell(row)).ToArray()).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column.Header);
        }
        foreach (var row in cells)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        // Each column: a border and a space either side of its widest value; then the closing border.
        var width = columns.Select((c, i) => cells.Select(row => row[i].Length).Append(c.Header.Length).Max() + 3).Sum() + 1;
        // Blocks are separated by a blank line.
        var blocks = new Rows(cells.Select(row => Fields([.. columns.Select((c, i) => (c.Header, row[i]))]))
            .SelectMany((block, r) => r == 0 ? [block] : new IRenderable[] { Text.Empty, block }));
        return new FitToWidth(table, width, blocks);
    }

    /// <summary>Name/value pairs, one per line, for a single object.</summary>
    public static Grid Fields(params (string Name, string Value)[] fields)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in fields)
        {
            grid.AddRow(new Markup($"[bold]{Markup.Escape(name)}[/]"), new Text(value));
        }
        return grid;
    }
}
