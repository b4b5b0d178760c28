using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using Microsoft.Kiota.Abstractions.Serialization;
using Spectre.Console;

namespace AspireMigration.Cli.Output;

/// <summary>
/// Where a command speaks: tables and colours for people, the API's JSON alone for machines
/// (--json), and the confirmation of a risky step, which is never asked without a terminal.
/// </summary>
public sealed class CommandOutput(GlobalSettings settings, CliEnvironment environment)
{
    /// <summary>The serializer's indented output, without its reflection-based start-up for what is already a JSON tree.</summary>
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(environment.Out),
        Ansi = environment.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = environment.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = environment.HasTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    public bool Json => settings.Json;

    /// <summary>A live progress display needs a terminal to redraw on, and would corrupt JSON.</summary>
    public bool Live => !settings.Json && environment.OutputIsTerminal;

    /// <summary>The API's answer on stdout with --json; otherwise what <paramref name="forPeople"/> renders.</summary>
    public void Write(IParsable? answer, Action<IAnsiConsole> forPeople) => Write(() => ApiJson.Of(answer), forPeople);

    /// <inheritdoc cref="Write(IParsable?, Action{IAnsiConsole})"/>
    public void Write<T>(IEnumerable<T>? answer, Action<IAnsiConsole> forPeople) where T : IParsable =>
        Write(() => ApiJson.Of(answer), forPeople);

    /// <summary><paramref name="json"/> on stdout with --json (only then is it written); otherwise what <paramref name="forPeople"/>
    /// renders.</summary>
    public void Write(Func<JsonElement> json, Action<IAnsiConsole> forPeople)
    {
        if (settings.Json)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                json().WriteTo(writer);
            }
            environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else
        {
            forPeople(Console);
        }
    }

    /// <summary>A line for people; nothing with --json, whose stdout holds JSON only.</summary>
    public void Say(string markup)
    {
        if (!settings.Json)
        {
            Console.MarkupLine(markup);
        }
    }

    /// <summary>
    /// True when the step may go ahead: --yes, or a person at the terminal said yes. Without a
    /// terminal nobody can answer, so the command line is incomplete (exit code 2), never a hang.
    /// </summary>
    public bool Confirm(string question)
    {
        if (settings.Yes)
        {
            return true;
        }
        if (!environment.HasTerminal)
        {
            throw new CliUsageException($"{question} There is no terminal to confirm on: pass --yes to go ahead.");
        }
        if (Console.Confirm(Markup.Escape(question), defaultValue: false))
        {
            return true;
        }
        environment.Error.WriteLine("Not confirmed; nothing was done.");
        return false;
    }
}
