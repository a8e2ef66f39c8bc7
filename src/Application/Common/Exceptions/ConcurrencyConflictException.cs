namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>Another request changed the same row first; raised by the unit of work.</summary>
public sealed class ConcurrencyConflictException(Exception inner) : Exception("The row was changed by another request.", inner);
