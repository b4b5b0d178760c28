using Spectre.Console;

namespace AspireMigration.Cli.Output;

/// <summary>Tables of API rows for people; data is escaped, never read as markup.</summary>
public static class Tables
{
    public static Table Of<T>(IEnumerable<T>? rows, params (string Header, Func<T, string> Cell)[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column.Header);
        }
        foreach (var row in rows ?? [])
        {
            table.AddRow(columns.Select(c => Markup.Escape(c.Cell(row))).ToArray());
        }
        return table;
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
