using Navixy.Panel.Application.Common.Security;
using System.Text;
using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Application.Users.Commands.UploadUsers;
using Navixy.Panel.Domain.Users;
using ValidationException = Navixy.Panel.Application.Common.Exceptions.ValidationException;

namespace Navixy.Panel.Application.UnitTests.Users;

public sealed class UploadUsersCommandHandlerTests
{
    private const string Header = "login;first_name;last_name;legal_type;password\n";

    private Mock<IUserRepository> _users = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private List<User> _added = null!;

    [SetUp]
    public void SetUp()
    {
        _users = new Mock<IUserRepository>();
        _unitOfWork = Fakes.UnitOfWork();
        _added = [];
        _users.Setup(u => u.FindTakenLoginsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _users.Setup(u => u.AddManyAsync(It.IsAny<IReadOnlyCollection<User>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyCollection<User> users, CancellationToken _) => _added.AddRange(users))
            .Returns(Task.CompletedTask);
    }

    private Task<UploadUsersResult> Upload(string csv) =>
        new UploadUsersCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Pending(), new PendingPasswordSignal(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new UploadUsersCommand(9, Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

    [Test]
    public async Task Handle_WhenEveryRowValid_ImportsAllInOneTransaction()
    {
        var result = await Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\r\n\"b@x.com\";\"Bo; Jr\";Ng;sole_trader;Passw0rd2\n\n");

        Assert.That(result, Is.EqualTo(new UploadUsersResult(2, 0)));
        Assert.That(_added.Select(u => (u.Login, u.FirstName, u.LegalType, u.DealerId)), Is.EqualTo(new[]
        {
            ("a@x.com", "Ann", LegalType.Individual, 9L),
            ("b@x.com", "Bo; Jr", LegalType.SoleTrader, 9L),
        }));
        Assert.That(_added.All(u => u.OwnMfaSettings is null && u.PasswordHash == User.PendingPasswordHash), Is.True);
        Assert.That(_added.Select(u => Encoding.UTF8.GetString(u.PendingPassword!)), Is.EqualTo(new[] { "sealed:Passw0rd1", "sealed:Passw0rd2" }), "sealed, to be hashed in the background");
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase("")]
    [TestCase(Header)]
    [TestCase(Header + "\n\n")]
    public void Handle_WhenNoDataRows_Throws274(string csv)
    {
        var ex = Assert.ThrowsAsync<NavixyException>(() => Upload(csv));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.EmptyDataFile));
    }

    [Test]
    public void Handle_WhenARowIsInvalid_Throws7WithRowNumberAndImportsNothing()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\nbad-login;Bo;Ng;individual;Passw0rd2\n"));

        Assert.That(ex!.RowNumber, Is.EqualTo(3));
        Assert.That(ex.Errors.Select(e => e.Parameter), Is.EqualTo(new[] { "user.login" }));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Handle_WhenAnEarlierRowHasABadLoginAndALaterABadDemo_ReportsTheEarlierRow()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(
            "login;first_name;last_name;legal_type;password;demo\nbad-login;Ann;Lee;individual;Passw0rd1;\nb@x.com;Bo;Ng;individual;Passw0rd2;maybe\n"));

        Assert.That(ex!.RowNumber, Is.EqualTo(2));
        Assert.That(ex.Errors.Select(e => e.Parameter), Is.EqualTo(new[] { "user.login" }));
    }

    [Test]
    public void Handle_WhenAnotherRequestTakesALoginBeforeTheInsert_Throws206WithItsRow()
    {
        _users.SetupSequence(u => u.FindTakenLoginsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([])
            .ReturnsAsync(["b@x.com"]);
        _users.Setup(u => u.AddManyAsync(It.IsAny<IReadOnlyCollection<User>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DuplicateKeyException(new InvalidOperationException("unique index")));

        var ex = Assert.ThrowsAsync<NavixyException>(() => Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\nb@x.com;Bo;Ng;individual;Passw0rd2\n"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginInUse));
        Assert.That(ex.RowNumber, Is.EqualTo(3));
    }

    [Test]
    public void Handle_WhenLoginRepeatedInFile_Throws206WithRowOfSecond()
    {
        var ex = Assert.ThrowsAsync<NavixyException>(() => Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\nA@X.com;Bo;Ng;individual;Passw0rd2\n"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginInUse));
        Assert.That(ex.RowNumber, Is.EqualTo(3));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Handle_WhenLoginTakenOnPlatform_Throws206WithItsRow()
    {
        _users.Setup(u => u.FindTakenLoginsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(["b@x.com"]);

        var ex = Assert.ThrowsAsync<NavixyException>(() => Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\nb@x.com;Bo;Ng;individual;Passw0rd2\n"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginInUse));
        Assert.That(ex.RowNumber, Is.EqualTo(3));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Handle_WhenHeaderLacksRequiredColumn_Throws7NamingFile()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload("login;first_name;last_name\na@x.com;Ann;Lee\n"));
        Assert.That(ex!.Errors.Single().Parameter, Is.EqualTo("file"));
        Assert.That(ex.Errors.Single().Error, Does.Contain("legal_type").And.Contain("password"));
    }

    [Test]
    public void Handle_WhenOverTenThousandRows_Throws7()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i <= UploadUsersCommand.MaxRows; i++)
        {
            csv.Append("u").Append(i).Append("@x.com;A;B;individual;Passw0rd1\n");
        }

        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(csv.ToString()));
        Assert.That(ex!.Errors.Single().Parameter, Is.EqualTo("file"));
    }

    [Test]
    public void Handle_WhenQuoteNotClosed_Throws7()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(Header + "\"a@x.com;Ann;Lee;individual;Passw0rd1\n"));
        Assert.That(ex!.Errors.Single().Parameter, Is.EqualTo("file"));
    }

    [Test]
    public async Task Handle_SpreadsheetExport_KeepsQuotedSeparatorsLineBreaksAndQuotes()
    {
        var result = await Upload("\uFEFF" + Header.Replace("\n", ";comment\r\n", StringComparison.Ordinal)
            + "a@x.com;\"Ann; \"\"Jo\"\"\";Lee;individual;Passw0rd1;\"line one\r\nline two\"\r\n");

        Assert.That(result.Total, Is.EqualTo(1));
        Assert.That((_added[0].FirstName, _added[0].Comment), Is.EqualTo(("Ann; \"Jo\"", "line one\r\nline two")));
    }

    [Test]
    public void Handle_WhenARowFollowsAMultiLineField_RowNumberIsTheLineItStartsOn()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(Header.Replace("\n", ";comment\n", StringComparison.Ordinal)
            + "a@x.com;Ann;Lee;individual;Passw0rd1;\"two\nlines\"\nbad-login;Bo;Ng;individual;Passw0rd2;\n"));

        Assert.That(ex!.RowNumber, Is.EqualTo(4));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Handle_WhenQuoteNotClosed_Throws7WithTheRowItOpensOn()
    {
        var ex = Assert.ThrowsAsync<ValidationException>(() => Upload(Header + "a@x.com;Ann;Lee;individual;Passw0rd1\nb@x.com;\"Bo;Ng;individual;Passw0rd2\n"));

        Assert.That(ex!.RowNumber, Is.EqualTo(3));
        Assert.That(ex.Errors.Single().Error, Does.Contain("not closed"));
    }

    [Test]
    public void Handle_WhenNotUtf8_Throws7()
    {
        var handler = new UploadUsersCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Pending(), new PendingPasswordSignal(), Fakes.Audit(), Fakes.Clock().Object);
        var ex = Assert.ThrowsAsync<ValidationException>(() => handler.Handle(new UploadUsersCommand(9, [0x6C, 0xFF, 0xFE, 0x0A]), CancellationToken.None));
        Assert.That(ex!.Errors.Single().Parameter, Is.EqualTo("file"));
    }
}
