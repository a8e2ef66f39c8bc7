namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// One command of the README walk-through (its lines as written, continuation lines included), where it starts in
/// the README, and the <c># → </c> lines under it: what it prints, one entry a line; none when it prints nothing.
/// </summary>
public sealed record ReadmeStep(int Line, string Command, IReadOnlyList<string> Answer);
