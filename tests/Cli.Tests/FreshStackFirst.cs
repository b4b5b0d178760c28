using Xunit.Abstractions;
using Xunit.Sdk;

namespace AspireMigration.Cli.Tests;

/// <summary>
/// Runs a class's tests marked <c>[Trait(Trait, Fresh)]</c> first, while the stack is as the fixture started it (orphans, no
/// plan, no run): xunit's own order is a hash of the names, so without this a fresh-stack test would see what another left.
/// </summary>
public sealed class FreshStackFirst : ITestCaseOrderer
{
    public const string TypeName = "AspireMigration.Cli.Tests.FreshStackFirst";
    public const string AssemblyName = "Cli.Tests";
    public const string Trait = "Stack";
    public const string Fresh = "fresh";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.Traits.TryGetValue(Trait, out var values) && values.Contains(Fresh) ? 0 : 1);
}
