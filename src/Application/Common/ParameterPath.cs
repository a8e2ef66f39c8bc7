using System.Text;
using System.Text.RegularExpressions;

namespace Navixy.Panel.Application.Common;

/// <summary>Turns a C# property path such as <c>Target.Ids[3]</c> into the wire's dotted snake_case <c>target.ids</c>.</summary>
public static partial class ParameterPath
{
    public static string FromPropertyPath(string propertyPath)
    {
        var withoutIndexes = IndexPattern().Replace(propertyPath, string.Empty);
        return string.Join('.', withoutIndexes.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(ToSnakeCase));
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex IndexPattern();
}
