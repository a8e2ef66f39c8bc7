namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>
/// A configuration value the service cannot use. The message is one sentence naming the setting and what is
/// allowed; the service prints it alone (no stack trace) and stops with exit code 2.
/// </summary>
public sealed class InvalidSettingException(string message) : Exception(message);
