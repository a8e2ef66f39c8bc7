using Navixy.Panel.Application.Users.Commands.UploadUsers;

namespace Navixy.Panel.Application.UnitTests.Users;

public sealed class CsvTableTests
{
    [Test]
    public void Parse_SpreadsheetExport_ReadsQuotedSeparatorsLineBreaksDoubledQuotesBomAndCrlf()
    {
        var records = CsvTable.Parse("\uFEFFlogin;comment\r\n\"a@x.com\";\"one; two\r\nthree \"\"quoted\"\"\"\r\nb@x.com;plain\r\n");

        Assert.That(records.Select(r => r.Fields), Is.EqualTo(new[]
        {
            new[] { "login", "comment" },
            new[] { "a@x.com", "one; two\r\nthree \"quoted\"" },
            new[] { "b@x.com", "plain" },
        }));
    }

    [Test]
    public void Parse_RecordAfterAMultiLineField_IsNumberedByTheLineItStartsOn()
    {
        var records = CsvTable.Parse("h1;h2\n\"a\nb\nc\";1\n\nnext;2\n");

        Assert.That(records.Select(r => r.LineNumber), Is.EqualTo(new[] { 1, 2, 6 }));
    }

    [Test]
    public void Parse_StrayQuoteInsideUnquotedField_StaysText()
    {
        var records = CsvTable.Parse("login;password\na@x.com;Pa\"ss1\n");

        Assert.That(records[1].Fields, Is.EqualTo(new[] { "a@x.com", "Pa\"ss1" }));
    }

    [TestCase("h\n\"open;1\n", 2)]
    [TestCase("h\nok\n\"a\nb\"c;1\n", 3)]
    public void Parse_BrokenQuoting_ThrowsWithTheRecordsFirstLine(string text, int line)
    {
        var ex = Assert.Throws<CsvTableException>(() => CsvTable.Parse(text));

        Assert.That(ex!.LineNumber, Is.EqualTo(line));
    }

    [Test]
    public void Parse_BlankAndWhitespaceOnlyLines_AreLeftOut()
    {
        var records = CsvTable.Parse("h\n\n   \nx\n");

        Assert.That(records.Select(r => (r.LineNumber, r.Fields[0])), Is.EqualTo(new[] { (1, "h"), (4, "x") }));
    }
}
