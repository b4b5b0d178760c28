using Xunit.Abstractions;
using Xunit.Sdk;

namespace AspireMigration.Dashboard.Tests;

/// <summary>
/// Runs the sign-in throttling test after the class's other tests: it spends the address's sign-in posts for a minute, and
/// each of the others signs in through the form, which would wait for the window to pass.
/// </summary>
public sealed class ThrottlingLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "AspireMigration.Dashboard.Tests." + nameof(ThrottlingLastOrderer);
    public const string AssemblyName = "Dashboard.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method.Name == Throttling).ThenBy(test => test.UniqueID, StringComparer.Ordinal);

    private const string Throttling = nameof(SessionTests.Sign_in_posts_from_one_address_are_throttled_with_a_message);
}
