using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Application.UserAuth;
using Navixy.Panel.Application.UserAuth.Commands.AuthenticateUser;
using Navixy.Panel.Application.UserAuth.Commands.ResendAuthCode;
using Navixy.Panel.Application.UserAuth.Commands.VerifyAuthCode;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UnitTests.UserAuth;

public sealed class UserLoginHandlerTests
{
    private static readonly MfaSettings Email = MfaSettings.Allow(MfaFactorTypes.Email);

    private Mock<IUserRepository> _users = null!;
    private Mock<IUserSessionRepository> _sessions = null!;
    private InMemoryLoginFailures _failures = null!;
    private InMemorySecondFactorEvents _events = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IPasswordHasher> _hasher = null!;
    private Mock<ISecretTokens> _tokens = null!;
    private Mock<IEmailSender> _email = null!;
    private Mock<TimeProvider> _clock = null!;
    private List<UserSession> _added = null!;
    private List<EmailMessage> _sent = null!;
    private DateTime _now;

    [SetUp]
    public void SetUp()
    {
        _now = Fakes.Now;
        _users = new Mock<IUserRepository>();
        _sessions = new Mock<IUserSessionRepository>();
        _failures = new InMemoryLoginFailures();
        _events = new InMemorySecondFactorEvents();
        _unitOfWork = Fakes.UnitOfWork();
        _hasher = Fakes.Hasher();
        _tokens = Fakes.Tokens();
        _email = new Mock<IEmailSender>();
        _clock = new Mock<TimeProvider>();
        _clock.Setup(c => c.GetUtcNow()).Returns(() => new DateTimeOffset(_now));
        _added = [];
        _sent = [];
        _sessions.Setup(s => s.Add(It.IsAny<UserSession>())).Callback((UserSession s) => _added.Add(s));
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).Callback((EmailMessage m, CancellationToken _) => _sent.Add(m)).Returns(Task.CompletedTask);
    }

    private SecondFactorLimits Limits() => new(_events, _clock.Object);

    private OneTimeCodes Codes() => new(_unitOfWork.Object, _tokens.Object, _email.Object, Limits(), Fakes.Audit(), _clock.Object, Microsoft.Extensions.Logging.Abstractions.NullLogger<OneTimeCodes>.Instance);

    private Task<UserAuthResult> Login(string login = "jane@example.com", string password = "Passw0rd!") =>
        new AuthenticateUserCommandHandler(
                _users.Object, _sessions.Object, _unitOfWork.Object, _tokens.Object,
                new LoginThrottle(_failures, Fakes.Hashing(_hasher.Object), Fakes.Pending(_hasher.Object), _clock.Object), Codes(), Limits(), _clock.Object)
            .Handle(new AuthenticateUserCommand(login, password), CancellationToken.None);

    private void GivenUser(MfaSettings? account = null, MfaSettings? dealerDefault = null, bool demo = false, bool activated = true, bool subUser = false)
    {
        var master = User.CreateMaster(1, "jane@example.com", "hashed:Passw0rd!", new UserProfile { FirstName = "Jane", LastName = "Doe" }, "en_US", "UTC", null, demo, account, Fakes.Now);
        var user = subUser ? master.CreateSubUser("jane@example.com", "hashed:Passw0rd!", "Sub", "User", Fakes.Now) : master;
        if (!activated)
        {
            user.Deactivate();
        }

        // For a sub-user the repository reports the master's (account's) setting.
        _users.Setup(u => u.FindByLoginWithMfaAsync("jane@example.com", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserWithMfa(user, account, dealerDefault, false));
        _users.Setup(u => u.FindAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync(user);
    }

    private static string CodeIn(EmailMessage message) =>
        System.Text.RegularExpressions.Regex.Match(message.TextBody, @"\b\d{6}\b").Value;

    private void GivenImportedUser()
    {
        var user = User.CreateMaster(1, "jane@example.com", User.PendingPasswordHash, new UserProfile { FirstName = "Jane", LastName = "Doe" }, "en_US", "UTC", null, false, null, Fakes.Now);
        user.HoldPendingPassword(System.Text.Encoding.UTF8.GetBytes("sealed:Passw0rd!"));
        _users.Setup(u => u.FindByLoginWithMfaAsync("jane@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(new UserWithMfa(user, null, null, false));
    }

    [Test]
    public async Task Auth_WhenPasswordStillPending_SignsInAndStoresItsHash()
    {
        GivenImportedUser();

        var result = await Login();

        Assert.That(result.Type, Is.EqualTo("authenticated"));
        _users.Verify(u => u.CompletePendingPasswordAsync(It.IsAny<long>(), "hashed:Passw0rd!", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Auth_WhenPendingPasswordWrong_Gives102AndKeepsItPending()
    {
        GivenImportedUser();

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login(password: "Wrong-Passw0rd"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongLoginOrPassword));
        _users.Verify(u => u.CompletePendingPasswordAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _hasher.Verify(h => h.VerifyDummy("Wrong-Passw0rd"), Times.Once);
    }

    [Test]
    public async Task Auth_WhenMfaDoesNotApply_OpensFullSession()
    {
        GivenUser();

        var result = await Login();

        Assert.That(result.Type, Is.EqualTo("authenticated"));
        Assert.That(_added.Single().Kind, Is.EqualTo(UserSessionKind.Full));
        Assert.That(_sent, Is.Empty);
    }

    [Test]
    public async Task Auth_WhenAccountAllowsMfa_EmailsCodeAndOpensSecondFactorSession()
    {
        GivenUser(account: Email);

        var result = await Login();

        Assert.That(result, Is.EqualTo(new UserAuthResult("second_factor_required", "email", result.Hash)));
        var session = _added.Single();
        Assert.That(session.Kind, Is.EqualTo(UserSessionKind.SecondFactor));
        Assert.That(session.CodeDigest, Is.Not.Null);
        var mail = _sent.Single();
        Assert.That(mail.To, Is.EqualTo("jane@example.com"));
        Assert.That(CodeIn(mail), Is.EqualTo("123456"));
        Assert.That(mail.TextBody, Does.Contain("5 minutes").And.Contain("did not try to log in"));
    }

    [Test]
    public async Task Auth_WhenDealerDefaultAllowsAndNoOwnSetting_AsksForSecondFactor()
    {
        GivenUser(dealerDefault: Email);
        Assert.That((await Login()).Type, Is.EqualTo("second_factor_required"));
    }

    [Test]
    public async Task Auth_WhenOwnDisallowedOverridesAllowedDefault_Authenticates()
    {
        GivenUser(account: MfaSettings.Disallowed, dealerDefault: Email);
        Assert.That((await Login()).Type, Is.EqualTo("authenticated"));
    }

    [Test]
    public async Task Auth_WhenDemoUser_NeverAsksForSecondFactor()
    {
        GivenUser(account: Email, demo: true);
        Assert.That((await Login()).Type, Is.EqualTo("authenticated"));
        Assert.That(_sent, Is.Empty);
    }

    [Test]
    public async Task Auth_WhenSubUserOfAccountWithMfa_AsksForSecondFactor()
    {
        GivenUser(account: Email, subUser: true);
        Assert.That((await Login()).Type, Is.EqualTo("second_factor_required"));
    }

    [Test]
    public void Auth_WhenPasswordWrong_Throws102AndRecordsFailure()
    {
        GivenUser();

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login(password: "wrong-password"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongLoginOrPassword));
        Assert.That(_failures.Rows.Select(r => (r.Scope, r.Login)), Is.EqualTo(new[] { (LoginScope.User, "jane@example.com") }));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Auth_WhenLoginUnknown_Throws102AfterDummyHash()
    {
        var ex = Assert.ThrowsAsync<NavixyException>(() => Login(login: "nobody@example.com"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongLoginOrPassword));
        _hasher.Verify(h => h.VerifyDummy("Passw0rd!"), Times.Once);
        Assert.That(_failures.Rows, Has.Count.EqualTo(1));
    }

    [Test]
    public void Auth_WhenTenRecentFailures_Throws105WithoutCheckingPassword()
    {
        GivenUser();
        for (var i = 0; i < LoginFailure.Limit; i++)
        {
            Assert.ThrowsAsync<NavixyException>(() => Login(password: "wrong-password"));
        }

        _hasher.Invocations.Clear();

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginAttemptsExceeded));
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void Auth_WhenUserDeactivated_Throws103()
    {
        GivenUser(activated: false);
        var ex = Assert.ThrowsAsync<NavixyException>(() => Login());
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.UserNotActivated));
    }

    [Test]
    public void Auth_WhenEmailCannotBeSent_Throws209AndLeavesNoUsableCode()
    {
        GivenUser(account: Email);
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new EmailDeliveryException("down"));

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.EmailSendFailed));
        Assert.That(_added.Single().CodeDigest, Is.Null);
        _sessions.Verify(s => s.DeleteAsync(_added.Single().Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    private async Task<UserSession> SecondFactorSession()
    {
        GivenUser(account: Email);
        await Login();
        return _added[^1];
    }

    private Task<string> Verify(UserSession session, string code)
    {
        Finds(session);
        return new VerifyAuthCodeCommandHandler(_sessions.Object, _users.Object, Fakes.Audit(), _unitOfWork.Object, _tokens.Object, Limits(), _clock.Object)
            .Handle(new VerifyAuthCodeCommand(session.Id, code), CancellationToken.None);
    }

    private Task Resend(UserSession session)
    {
        Finds(session);
        return new ResendAuthCodeCommandHandler(_sessions.Object, _users.Object, Codes(), Limits(), _clock.Object)
            .Handle(new ResendAuthCodeCommand(session.Id), CancellationToken.None);
    }

    /// <summary>The sessions of these tests are never saved, so all share id 0: the repository finds the one in use.</summary>
    private void Finds(UserSession session) =>
        _sessions.Setup(s => s.FindAsync(session.Id, It.IsAny<CancellationToken>())).ReturnsAsync(session);

    [Test]
    public async Task Verify_WithRightCode_ReturnsNewFullSessionAndEndsSecondFactorSession()
    {
        var session = await SecondFactorSession();

        var hash = await Verify(session, "123456");

        Assert.That(hash, Is.Not.Empty);
        _sessions.Verify(s => s.Remove(session), Times.Once);
        Assert.That(_added.Last().Kind, Is.EqualTo(UserSessionKind.Full));
    }

    [Test]
    public async Task Verify_WithCodeUsedAlready_Throws282()
    {
        var session = await SecondFactorSession();
        await Verify(session, "123456");

        var ex = Assert.ThrowsAsync<NavixyException>(() => Verify(session, "123456"));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongAuthenticationCode));
    }

    [Test]
    public async Task Verify_AfterFiveMinutes_Throws282()
    {
        var session = await SecondFactorSession();
        _now += UserSession.CodeLifetime;

        var ex = Assert.ThrowsAsync<NavixyException>(() => Verify(session, "123456"));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongAuthenticationCode));
    }

    [Test]
    public async Task Verify_AfterFiveWrongCodes_RightCodeNoLongerWorks()
    {
        var session = await SecondFactorSession();
        for (var i = 0; i < 5; i++)
        {
            Assert.ThrowsAsync<NavixyException>(() => Verify(session, "000000"));
        }

        var ex = Assert.ThrowsAsync<NavixyException>(() => Verify(session, "123456"));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.WrongAuthenticationCode));
        Assert.That(session.WrongAttempts, Is.EqualTo(5));
    }

    [Test]
    public async Task Resend_UnderAMinute_Throws15()
    {
        var session = await SecondFactorSession();
        _now += TimeSpan.FromSeconds(59);

        var ex = Assert.ThrowsAsync<NavixyException>(() => Resend(session));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.TooManyRequests));
        Assert.That(_sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Resend_AfterAMinute_SendsNewCodeVoidingOldAndKeepsWrongCounter()
    {
        var session = await SecondFactorSession();
        Assert.ThrowsAsync<NavixyException>(() => Verify(session, "000000"));
        _tokens.Setup(t => t.NewOneTimeCode()).Returns("654321");
        _now += TimeSpan.FromSeconds(60);

        await Resend(session);

        Assert.That(CodeIn(_sent.Last()), Is.EqualTo("654321"));
        Assert.That(session.WrongAttempts, Is.EqualTo(1));
        Assert.ThrowsAsync<NavixyException>(() => Verify(session, "123456"));
        Assert.That(await Verify(session, "654321"), Is.Not.Empty);
    }

    [Test]
    public async Task Resend_AfterFiveSends_Throws15()
    {
        var session = await SecondFactorSession();
        for (var i = 0; i < 4; i++)
        {
            _now += TimeSpan.FromSeconds(61);
            await Resend(session);
        }

        _now += TimeSpan.FromSeconds(61);
        var ex = Assert.ThrowsAsync<NavixyException>(() => Resend(session));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.TooManyRequests));
        Assert.That(_sent, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Resend_WhenEmailFails_Throws209AndVoidsCode()
    {
        var session = await SecondFactorSession();
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new EmailDeliveryException("down"));
        _now += TimeSpan.FromSeconds(61);

        var ex = Assert.ThrowsAsync<NavixyException>(() => Resend(session));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.EmailSendFailed));
        Assert.That(session.CodeDigest, Is.Null);
    }

    [Test]
    public async Task Verify_TenWrongCodesOverSessions_Throw105_ForTheRightCodeAndForAuth()
    {
        var first = await SecondFactorSession();
        var second = await SecondFactorSession();
        var third = await SecondFactorSession();
        foreach (var session in new[] { first, second })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.That(Assert.ThrowsAsync<NavixyException>(() => Verify(session, "000000"))!.Code, Is.EqualTo(ErrorCode.WrongAuthenticationCode));
            }
        }

        Assert.That(Assert.ThrowsAsync<NavixyException>(() => Verify(third, "123456"))!.Code, Is.EqualTo(ErrorCode.LoginAttemptsExceeded));
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => Login())!.Code, Is.EqualTo(ErrorCode.LoginAttemptsExceeded));
        Assert.That(_sent, Has.Count.EqualTo(3));

        _now += SecondFactorEvent.WrongCodes.Window;
        Assert.That(await Verify(await SecondFactorSession(), "123456"), Is.Not.Empty);
    }

    [Test]
    public async Task Verify_RightCodeAndCodeWithoutUsableCode_AreNotCountedAsWrong()
    {
        var session = await SecondFactorSession();
        Assert.ThrowsAsync<NavixyException>(() => Verify(session, "000000"));
        await Verify(session, "123456");
        Assert.ThrowsAsync<NavixyException>(() => Verify(session, "123456"));

        Assert.That(_events.Count(SecondFactorEventKind.CodeChecked), Is.EqualTo(1));
    }

    [Test]
    public async Task Auth_WhenFiveMailsIn15Minutes_Throws15WithRetryAfter_AndOpensNoSession()
    {
        GivenUser(account: Email);
        for (var i = 0; i < 5; i++)
        {
            await Login();
            _now += TimeSpan.FromMinutes(2);
        }

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.TooManyRequests));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(_added, Has.Count.EqualTo(5));
        Assert.That(_sent, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Auth_WhenTwentyMailsInADay_Throws15UntilTheFirstIsADayOld()
    {
        GivenUser(account: Email);
        var first = _now;
        for (var i = 0; i < 20; i++)
        {
            await Login();
            _now += TimeSpan.FromMinutes(16);
        }

        var ex = Assert.ThrowsAsync<NavixyException>(() => Login());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.TooManyRequests));
        Assert.That(ex.RetryAfter, Is.EqualTo(first + TimeSpan.FromDays(1) - _now));
    }
}
