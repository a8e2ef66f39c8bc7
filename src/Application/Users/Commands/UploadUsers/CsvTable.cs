using CsvHelper;

namespace Navixy.Panel.Application.Users.Commands.UploadUsers;

/// <summary>
/// Reads <c>;</c>-separated files as spreadsheets write them (RFC 4180 through CsvHelper): quoted fields holding
/// <c>;</c> or line breaks, doubled quotes, a UTF-8 byte order mark, CRLF or LF. Blank records are left out.
/// </summary>
public static class CsvTable
{
    public const char Separator = ';';

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = Separator,
        HasHeader = false,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        // A stray quote inside an unquoted field stays text (a password may hold one); the others lose data.
        OnMalformedRecord = record =>
        {
            if (record.Reason != CsvMalformedReason.StrayQuote)
            {
                throw new CsvTableException(Describe(record.Reason), checked((int)record.LineNumber));
            }
        },
    };

    /// <summary>The non-blank records of <paramref name="text"/>; throws <see cref="CsvTableException"/> on broken quoting.</summary>
    public static List<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text, Options);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (fields.Length > 1 || fields[0].Trim().Length > 0)
            {
                records.Add(new CsvRecord(checked((int)reader.LineNumber), fields));
            }
        }

        return records;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted field is not closed.",
        CsvMalformedReason.TextAfterClosingQuote => "Text follows the closing quote of a quoted field.",
        _ => "The CSV quoting is malformed.",
    };
}
