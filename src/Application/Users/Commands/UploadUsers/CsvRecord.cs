namespace Navixy.Panel.Application.Users.Commands.UploadUsers;

/// <summary>One record of a CSV file: the line of the file it starts on (1-based) and its fields.</summary>
public sealed record CsvRecord(int LineNumber, string[] Fields);
