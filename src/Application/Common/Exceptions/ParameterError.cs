namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>One rejected parameter: a dotted path (as the use case names it) and what is wrong with it.</summary>
public sealed record ParameterError(string Parameter, string Error);
