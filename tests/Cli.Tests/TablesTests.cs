using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Tests;

/// <summary>A list reads whole at any width: a table where its values fit, else one block of fields per row.</summary>
public sealed class TablesTests
{
    private static readonly (string Run, string State, string Created)[] Runs =
    [
        ("01a23032-c1ec-7dea-823b-9d0b6fe6541a", "Completed", "2026-12-01T06:02:42Z"),
        ("01a23032-5cac-7e3e-8104-c8a94d5bf633", "RolledBack", "2026-12-01T06:02:16Z"),
    ];

    [Fact]
    public void A_wide_terminal_gets_one_table_row_per_run()
    {
        var lines = Render(120);

        Assert.Contains(lines, line => line.Contains("│ 01a23032-c1ec-7dea-823b-9d0b6fe6541a │ Completed  │ 2026-12-01T06:02:42Z │",
            StringComparison.Ordinal));
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void A_terminal_too_narrow_for_the_table_gets_a_block_per_run_with_every_value_whole()
    {
        var lines = Render(60);

        Assert.DoesNotContain(lines, line => line.Contains('│'));
        Assert.Equal(["Run      01a23032-c1ec-7dea-823b-9d0b6fe6541a", "State    Completed", "Created  2026-12-01T06:02:42Z", "",
            "Run      01a23032-5cac-7e3e-8104-c8a94d5bf633", "State    RolledBack", "Created  2026-12-01T06:02:16Z"], lines);
    }

    private static string[] Render(int width)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Write(Tables.Of(Runs, ("Run", r => r.Run), ("State", r => r.State), ("Created", r => r.Created)));
        return [.. output.ToString().TrimEnd().Split('\n').Select(line => line.TrimEnd())];
    }
}
