namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>A save hit a unique key (e.g. a login taken by a concurrent request); raised by the unit of work.</summary>
public sealed class DuplicateKeyException(Exception inner) : Exception("A unique key was violated.", inner);
