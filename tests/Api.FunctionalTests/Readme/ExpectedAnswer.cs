using System.Text;
using System.Text.RegularExpressions;

namespace Navixy.Panel.Api.FunctionalTests.Readme;

/// <summary>
/// How a <c># → </c> line of the README matches what its command printed: literally, except that <c>&lt;name&gt;</c>
/// stands for one value that changes from run to run (a hash, a code, an id: one or more characters other than
/// whitespace, quotes, commas and brackets, so it never swallows the JSON around it) and <c>...</c> for any part of
/// the line, possibly empty.
/// </summary>
public static partial class ExpectedAnswer
{
    public static bool Matches(string expected, string printed) => Pattern(expected).IsMatch(printed);

    public static Regex Pattern(string expected)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match wildcard in Wildcard().Matches(expected))
        {
            pattern.Append(Regex.Escape(expected[at..wildcard.Index]));
            pattern.Append(wildcard.Value == "..." ? ".*" : """[^\s"',{}\[\]]+""");
            at = wildcard.Index + wildcard.Length;
        }

        pattern.Append(Regex.Escape(expected[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("""<[A-Za-z][A-Za-z0-9 _-]*>|\.\.\.""")]
    private static partial Regex Wildcard();
}
