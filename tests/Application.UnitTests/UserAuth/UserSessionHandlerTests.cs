using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Application.UserAuth.Commands.LogoutUser;
using Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;
using Navixy.Panel.Application.UserAuth.Queries.AuthenticateUserSession;
using Navixy.Panel.Application.UserAuth.Queries.GetUserInfo;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UnitTests.UserAuth;

public sealed class UserSessionHandlerTests
{
    private Mock<IUserSessionRepository> _sessions = null!;
    private Mock<IUserRepository> _users = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;

    [SetUp]
    public void SetUp()
    {
        _sessions = new Mock<IUserSessionRepository>();
        _users = new Mock<IUserRepository>();
        _unitOfWork = Fakes.UnitOfWork();
    }

    private static User Master() =>
        User.CreateMaster(1, "jane@example.com", "hash", new UserProfile { FirstName = "Jane", LastName = "Doe" }, "en_US", "UTC", null, true, null, Fakes.Now);

    private Task<UserSessionContext> Authenticate(string hash, DateTime at) =>
        new AuthenticateUserSessionQueryHandler(_sessions.Object, _unitOfWork.Object, Fakes.Tokens().Object, Fakes.Clock(at).Object)
            .Handle(new AuthenticateUserSessionQuery(hash), CancellationToken.None);

    private void GivenSession(string hash, UserSession session, bool activated = true, bool dealerBlocked = false) =>
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:" + hash), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserSessionInfo(session, 7, activated, dealerBlocked));

    [Test]
    public async Task Authenticate_LiveFullSession_ReturnsContextAndSlidesExpiryAtMostEveryFewMinutes()
    {
        var session = UserSession.StartFull([1], 11, Fakes.Now);
        GivenSession("full", session);

        var context = await Authenticate("full", Fakes.Now.AddMinutes(1));
        Assert.That(context, Is.EqualTo(new UserSessionContext(session.Id, 11, 7, UserSessionKind.Full)));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);

        await Authenticate("full", Fakes.Now.AddDays(20));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(session.ExpiresAt, Is.EqualTo(Fakes.Now.AddDays(50)));
    }

    [Test]
    public void Authenticate_UnknownExpiredOrDeactivated_Returns4()
    {
        GivenSession("old", UserSession.StartFull([1], 11, Fakes.Now.AddDays(-31)));
        GivenSession("inactive", UserSession.StartFull([2], 12, Fakes.Now), activated: false);

        foreach (var hash in new[] { "unknown", "old", "inactive" })
        {
            var ex = Assert.ThrowsAsync<NavixyException>(() => Authenticate(hash, Fakes.Now));
            Assert.That(ex!.Code, Is.EqualTo(ErrorCode.SessionNotFound), hash);
        }
    }

    [Test]
    public void Authenticate_LiveSessionOfBlockedDealer_Returns11()
    {
        GivenSession("full", UserSession.StartFull([1], 11, Fakes.Now), dealerBlocked: true);
        GivenSession("second", UserSession.StartSecondFactor([2], 11, Fakes.Now), dealerBlocked: true);

        foreach (var hash in new[] { "full", "second" })
        {
            var ex = Assert.ThrowsAsync<NavixyException>(() => Authenticate(hash, Fakes.Now));
            Assert.That(ex!.Code, Is.EqualTo(ErrorCode.AccessDenied), hash);
        }
    }

    [Test]
    public void Authenticate_SessionRemovedBetweenReadAndTouch_Returns4()
    {
        GivenSession("going", UserSession.StartFull([1], 11, Fakes.Now));
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("0 rows")));

        var ex = Assert.ThrowsAsync<NavixyException>(() => Authenticate("going", Fakes.Now.AddDays(30).AddSeconds(-1)));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
    }

    [Test]
    public async Task Logout_DeletesSession_SecondTimeReturns4()
    {
        _sessions.Setup(s => s.DeleteAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new LogoutUserCommandHandler(_sessions.Object);

        await handler.Handle(new LogoutUserCommand(3), CancellationToken.None);
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new LogoutUserCommand(4), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
    }

    [Test]
    public async Task GetInfo_ReturnsTheUser()
    {
        _users.Setup(u => u.FindAsync(11, It.IsAny<CancellationToken>())).ReturnsAsync(Master());

        var info = await new GetUserInfoQueryHandler(_users.Object).Handle(new GetUserInfoQuery(11), CancellationToken.None);

        Assert.That(info, Is.EqualTo(new UserInfoDto(0, "jane@example.com", "Jane", string.Empty, "Doe", true, null)));
    }

    [Test]
    public async Task RegisterSubUser_ByMaster_AddsSubUserOfThatAccount()
    {
        var master = Master();
        _users.Setup(u => u.FindAsync(11, It.IsAny<CancellationToken>())).ReturnsAsync(master);
        User? added = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);

        await new RegisterSubUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new RegisterSubUserCommand(11, new SubUserModel("sub@example.com", "Sam", "Sub"), "Sub-Passw0rd"), CancellationToken.None);

        Assert.That(added!.MasterId, Is.EqualTo(master.Id));
        Assert.That(added.DealerId, Is.EqualTo(master.DealerId));
        Assert.That(added.OwnMfaSettings, Is.Null);
        Assert.That(added.PasswordHash, Is.EqualTo("hashed:Sub-Passw0rd"));
    }

    [Test]
    public void RegisterSubUser_BySubUser_Returns13_AndTakenLogin_Returns206()
    {
        var sub = Master().CreateSubUser("sub@example.com", "hash", "S", "U", Fakes.Now);
        _users.Setup(u => u.FindAsync(12, It.IsAny<CancellationToken>())).ReturnsAsync(sub);
        _users.Setup(u => u.FindAsync(11, It.IsAny<CancellationToken>())).ReturnsAsync(Master());
        _users.Setup(u => u.LoginExistsAsync("taken@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new RegisterSubUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object);

        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new RegisterSubUserCommand(12, new SubUserModel("new@example.com", "A", "B"), "Sub-Passw0rd"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.OperationNotPermitted));
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new RegisterSubUserCommand(11, new SubUserModel("taken@example.com", "A", "B"), "Sub-Passw0rd"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.LoginInUse));
    }

    [Test]
    public void Validators_NameEachBadParameter()
    {
        Assert.That(Fakes.RejectedParameters(new RegisterSubUserCommandValidator(), new RegisterSubUserCommand(1, new SubUserModel("nope", null, null), "x")), Is.EqualTo(new[] { "password", "user.first_name", "user.last_name", "user.login" }));
        Assert.That(Fakes.RejectedParameters(new RegisterSubUserCommandValidator(), new RegisterSubUserCommand(1, null, "Sub-Passw0rd")), Is.EqualTo(new[] { "user" }));
        Assert.That(Fakes.RejectedParameters(new Application.UserAuth.Commands.VerifyAuthCode.VerifyAuthCodeCommandValidator(), new Application.UserAuth.Commands.VerifyAuthCode.VerifyAuthCodeCommand(1, "")), Is.EqualTo(new[] { "code" }));
        Assert.That(Fakes.RejectedParameters(new Application.UserAuth.Commands.AuthenticateUser.AuthenticateUserCommandValidator(), new Application.UserAuth.Commands.AuthenticateUser.AuthenticateUserCommand("", null)), Is.EqualTo(new[] { "login", "password" }));
    }
}
