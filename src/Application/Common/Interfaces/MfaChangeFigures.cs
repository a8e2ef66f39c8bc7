namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>
/// What an MFA change would do (a dry run): <paramref name="Matched"/> master users it covers, <paramref name="Changed"/>
/// of them whose effective setting would change, <paramref name="Demo"/> of them that are demo users (exempt).
/// </summary>
public sealed record MfaChangeFigures(int Matched, int Changed, int Demo);
