using Spectre.Console.Rendering;

namespace AspireMigration.Cli.Output;

/// <summary>
/// A table where it fits, one block of fields per row where it does not: squeezed into 80 columns a table broke ids,
/// states and times over several lines ("Complete" over "d"), where a block keeps each value whole and copyable.
/// </summary>
public sealed class FitToWidth(IRenderable table, int tableWidth, IRenderable blocks) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => Pick(maxWidth).Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => Pick(maxWidth).Render(options, maxWidth);

    private IRenderable Pick(int maxWidth) => tableWidth <= maxWidth ? table : blocks;
}
