namespace Navixy.Panel.Application.Users.Commands.UploadUsers;

/// <summary>A CSV file whose quoting breaks RFC 4180; <see cref="LineNumber"/> is where the record starts.</summary>
public sealed class CsvTableException(string message, int lineNumber) : FormatException(message)
{
    public int LineNumber { get; } = lineNumber;
}
