using FluentValidation;

namespace Navixy.Panel.Application.Common;

/// <summary>
/// Rules for free text a client sends: no control characters, which PostgreSQL cannot store (NUL) and no page can
/// show; text that may span lines keeps its tabs and line breaks.
/// </summary>
public static class TextRules
{
    public const string ControlCharacterMessage = "must not contain control characters";

    public static IRuleBuilderOptions<T, string?> SingleLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || !t.Any(char.IsControl)).WithMessage(ControlCharacterMessage);

    public static IRuleBuilderOptions<T, string?> MultiLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || !t.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))).WithMessage(ControlCharacterMessage);
}
