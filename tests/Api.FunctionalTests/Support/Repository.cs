namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>The checkout the tests were built from, for tests that read its files (the README) or run its build output.</summary>
public static class Repository
{
    /// <summary>The nearest folder above the test output that holds Navixy.Panel.sln.</summary>
    public static DirectoryInfo Root { get; } = Find();

    private static DirectoryInfo Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Navixy.Panel.sln")))
        {
            root = root.Parent;
        }

        return root ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
