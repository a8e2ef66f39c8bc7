namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>The rules the walk-through test reads the README by: where a step ends, what its answer is, how an answer matches.</summary>
public sealed class ReadmeWalkthroughParsingTests
{
    private const string Markdown = """
        # Title

        ```sh
        not part of the walk-through
        ```

        ## Walk-through

        ```sh
        Bootstrap__AdminPassword=secret123 Storage__DataDirectory=walk dotnet run --project src/Api -- --urls http://127.0.0.1:5001
        ```

        ### Part

        ```sh
        BASE=http://localhost:5000

        # prose for the reader
        curl -s $BASE/v2/panel/account/auth \
             -d login=admin -d password=wrong
        # → {"success":false}
        H=$(echo "$R" | sed 's/x/y/')
        echo $H
        # → <hash>
        # → second line
        ```

        ## Next section

        ```sh
        not part of it either
        ```
        """;

    [Test]
    public void Parse_TakesTheFirstBlockAsTheStart_AndSplitsTheOthersIntoStepsWithTheirAnswers()
    {
        var walkthrough = ReadmeWalkthrough.Parse(Markdown);

        Assert.That(walkthrough.Start.Environment, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Bootstrap__AdminPassword"] = "secret123",
            ["Storage__DataDirectory"] = "walk",
        }));
        Assert.That(walkthrough.Start.Arguments, Is.EqualTo(new[] { "--urls", "http://127.0.0.1:5001" }));
        Assert.That(walkthrough.Steps.Select(step => (step.Line, step.Command, string.Join('|', step.Answer))), Is.EqualTo(new[]
        {
            (16, "BASE=http://localhost:5000", string.Empty),
            (19, "curl -s $BASE/v2/panel/account/auth \\\n     -d login=admin -d password=wrong", """{"success":false}"""),
            (22, "H=$(echo \"$R\" | sed 's/x/y/')\necho $H", "<hash>|second line"),
        }));
    }

    [TestCase("# → {}\nls")]
    [TestCase("ls\n# →{}")]
    public void Parse_RefusesAnAnswerWithoutACommandOrItsSpace(string block) =>
        Assert.That(() => ReadmeWalkthrough.Parse($"## Walk-through\n\n```sh\ndotnet run --project src/Api\n```\n\n```sh\n{block}\n```\n"), Throws.TypeOf<FormatException>());

    [TestCase("Bootstrap__AdminPassword='secret 123' dotnet run --project src/Api")]
    [TestCase("dotnet run --project src/Other")]
    [TestCase("dotnet build")]
    public void Parse_RefusesAStartItCannotRunAsAShellWould(string start) =>
        Assert.That(() => ReadmeWalkthrough.Parse($"## Walk-through\n\n```sh\n{start}\n```\n"), Throws.TypeOf<FormatException>());

    [TestCase("""{"success":true,"hash":"<hash>"}""", """{"success":true,"hash":"5f0c1a2b3c4d5e6f7a8b9c0d1e2f3a4b"}""", true)]
    [TestCase("<code>", "493027", true)]
    [TestCase("""{"value":{"id":1,...,"mfa_allowed":false},"x":null}""", """{"value":{"id":1,"login":"a@b.c","mfa_allowed":false},"x":null}""", true)]
    [TestCase("""{"value":{"id":1,...,"mfa_allowed":false}}""", """{"value":{"id":1,"mfa_allowed":true}}""", false)]
    [TestCase("""{"status":{"code":12}}""", """{"status":{"code":102}}""", false)]
    [TestCase("""{"hash":"<hash>"}""", """{"hash":"ab","more":"cd"}""", false)]
    [TestCase("""{"hash":"<hash>"}""", """{"hash":""}""", false)]
    [TestCase("<code>", "493027 and more", false)]
    [TestCase("""{"ids":[1]}""", """{"ids":1}""", false)]
    [TestCase("""{"success":true}""", """{"success":true} """, false)]
    public void ExpectedAnswer_IsLiteral_ButForOneValueInAngleBracketsAndAnyTextForThreeDots(string expected, string printed, bool matches) =>
        Assert.That(ExpectedAnswer.Matches(expected, printed), Is.EqualTo(matches));
}
