using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Panel.Commands.AuthenticatePanelAccount;
using Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;
using Navixy.Panel.Application.Panel.Commands.CreateDealer;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.Application.Panel.Commands.LogoutPanelSession;
using Navixy.Panel.Application.Panel.Queries.AuthenticatePanelSession;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Panel;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.UnitTests.Panel;

public sealed class PanelHandlerTests
{
    private Mock<IPanelAccountRepository> _accounts = null!;
    private Mock<IDealerRepository> _dealers = null!;
    private Mock<IPanelSessionRepository> _sessions = null!;
    private InMemoryLoginFailures _failures = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IPasswordHasher> _hasher = null!;
    private List<PanelSession> _added = null!;

    [SetUp]
    public void SetUp()
    {
        _accounts = new Mock<IPanelAccountRepository>();
        _dealers = new Mock<IDealerRepository>();
        _sessions = new Mock<IPanelSessionRepository>();
        _failures = new InMemoryLoginFailures();
        _unitOfWork = Fakes.UnitOfWork();
        _hasher = Fakes.Hasher();
        _added = [];
        _sessions.Setup(s => s.Add(It.IsAny<PanelSession>())).Callback((PanelSession s) => _added.Add(s));
    }

    private void GivenAccount(bool accountBlocked = false, bool dealerBlocked = false)
    {
        var account = new PanelAccount(4, "ops", "hashed:Right-Passw0rd", PanelPermissions.All, Fakes.Now);
        if (accountBlocked)
        {
            account.Block();
        }

        var dealer = new Dealer("Acme", Fakes.Now);
        if (dealerBlocked)
        {
            dealer.Block();
        }

        _accounts.Setup(a => a.FindByLoginAsync("ops", It.IsAny<CancellationToken>())).ReturnsAsync(account);
        _dealers.Setup(d => d.FindAsync(4, It.IsAny<CancellationToken>())).ReturnsAsync(dealer);
    }

    private Task<PanelAuthResult> Auth(string login = "ops", string password = "Right-Passw0rd") =>
        new AuthenticatePanelAccountCommandHandler(_accounts.Object, _dealers.Object, _sessions.Object, _unitOfWork.Object,
                Fakes.Tokens().Object, new LoginThrottle(_failures, Fakes.Hashing(_hasher.Object), Fakes.Pending(_hasher.Object), Fakes.Clock().Object), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new AuthenticatePanelAccountCommand(login, password), CancellationToken.None);

    [Test]
    public async Task Auth_WhenCredentialsRight_StoresOnlyTheDigestAndReturnsHashAndPermissions()
    {
        GivenAccount();

        var result = await Auth();

        Assert.That(_failures.Rows, Is.Empty, "a right password withdraws its reserved failure");

        Assert.That(result.Permissions, Is.EqualTo(PanelPermissions.All));
        var session = _added.Single();
        Assert.That(session.TokenDigest, Is.EqualTo(System.Text.Encoding.ASCII.GetBytes("digest:" + result.Hash)));
        Assert.That(session.ExpiresAt, Is.EqualTo(Fakes.Now.AddHours(24)));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Auth_WhenLoginUnknown_Returns12AfterDummyHashAndRecordsFailure()
    {
        var ex = Assert.ThrowsAsync<NavixyException>(() => Auth(login: "ghost"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.DealerNotFound));
        _hasher.Verify(h => h.VerifyDummy("Right-Passw0rd"), Times.Once);
        Assert.That(_failures.Rows.Select(r => (r.Scope, r.Login)), Is.EqualTo(new[] { (LoginScope.Panel, "ghost") }));
    }

    [Test]
    public void Auth_WhenPasswordWrong_Returns12AndRecordsFailure()
    {
        GivenAccount();

        var ex = Assert.ThrowsAsync<NavixyException>(() => Auth(password: "nope"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.DealerNotFound));
        Assert.That(_failures.Rows, Has.Count.EqualTo(1));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public void Auth_WhenThrottled_Returns15WithoutCheckingPassword()
    {
        GivenAccount();
        for (var i = 0; i < LoginFailure.Limit; i++)
        {
            Assert.ThrowsAsync<NavixyException>(() => Auth(password: "nope"));
        }

        _hasher.Invocations.Clear();

        var ex = Assert.ThrowsAsync<NavixyException>(() => Auth());

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.TooManyRequests));
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    public void Auth_WhenAccountOrDealerBlocked_Returns11(bool accountBlocked, bool dealerBlocked)
    {
        GivenAccount(accountBlocked, dealerBlocked);
        var ex = Assert.ThrowsAsync<NavixyException>(() => Auth());
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.AccessDenied));
        Assert.That(_added, Is.Empty);
    }

    [Test]
    public async Task Logout_WhenSessionExists_Succeeds_WhenGone_Returns4()
    {
        _sessions.Setup(s => s.DeleteAsync(5, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new LogoutPanelSessionCommandHandler(_sessions.Object, new PanelSessionCache(TimeSpan.Zero));

        await handler.Handle(new LogoutPanelSessionCommand(5), CancellationToken.None);
        var ex = Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new LogoutPanelSessionCommand(6), CancellationToken.None));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
    }

    [Test]
    public async Task AuthenticateSession_UnknownOrExpiredGive4_BlockedGives11_LiveGivesInfo()
    {
        var live = new PanelSessionInfo(1, 2, 3, Fakes.Now.AddHours(1), false, false, PanelPermissions.All);
        var expired = live with { ExpiresAt = Fakes.Now };
        var blocked = live with { DealerBlocked = true };
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:live"), It.IsAny<CancellationToken>())).ReturnsAsync(live);
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:expired"), It.IsAny<CancellationToken>())).ReturnsAsync(expired);
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:blocked"), It.IsAny<CancellationToken>())).ReturnsAsync(blocked);
        var handler = new AuthenticatePanelSessionQueryHandler(_sessions.Object, new PanelSessionCache(TimeSpan.Zero), Fakes.Tokens().Object, Fakes.Clock().Object);

        Assert.That(await handler.Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None), Is.EqualTo(live));
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new AuthenticatePanelSessionQuery("expired"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new AuthenticatePanelSessionQuery("unknown"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new AuthenticatePanelSessionQuery("blocked"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.AccessDenied));
    }

    [Test]
    public async Task AuthenticateSession_WithTheCache_LooksALiveSessionUpOnceWithinTheLifetime()
    {
        var live = new PanelSessionInfo(1, 2, 3, Fakes.Now.AddHours(1), false, false, PanelPermissions.All);
        _sessions.Setup(s => s.FindByDigestAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(live);
        var cache = new PanelSessionCache(TimeSpan.FromSeconds(5));
        AuthenticatePanelSessionQueryHandler At(DateTime now) => new(_sessions.Object, cache, Fakes.Tokens().Object, Fakes.Clock(now).Object);

        Assert.That(await At(Fakes.Now).Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None), Is.EqualTo(live));
        Assert.That(await At(Fakes.Now.AddSeconds(4.9)).Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None), Is.EqualTo(live));
        _sessions.Verify(s => s.FindByDigestAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Once);

        Assert.That(await At(Fakes.Now.AddSeconds(5)).Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None), Is.EqualTo(live));
        _sessions.Verify(s => s.FindByDigestAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task AuthenticateSession_WithTheCache_StillChecksExpiryAndNeverKeepsRefusedSessions()
    {
        var endsSoon = new PanelSessionInfo(1, 2, 3, Fakes.Now.AddSeconds(1), false, false, PanelPermissions.All);
        var blocked = new PanelSessionInfo(2, 2, 3, Fakes.Now.AddHours(1), true, false, PanelPermissions.All);
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:soon"), It.IsAny<CancellationToken>())).ReturnsAsync(endsSoon);
        _sessions.Setup(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:blocked"), It.IsAny<CancellationToken>())).ReturnsAsync(blocked);
        var cache = new PanelSessionCache(TimeSpan.FromSeconds(5));
        AuthenticatePanelSessionQueryHandler At(DateTime now) => new(_sessions.Object, cache, Fakes.Tokens().Object, Fakes.Clock(now).Object);

        await At(Fakes.Now).Handle(new AuthenticatePanelSessionQuery("soon"), CancellationToken.None);
        var expired = Assert.ThrowsAsync<NavixyException>(() => At(Fakes.Now.AddSeconds(2)).Handle(new AuthenticatePanelSessionQuery("soon"), CancellationToken.None));
        Assert.That(expired!.Code, Is.EqualTo(ErrorCode.SessionNotFound), "the session's own expiry applies to a cached session");

        for (var i = 0; i < 2; i++)
        {
            Assert.That(Assert.ThrowsAsync<NavixyException>(() => At(Fakes.Now).Handle(new AuthenticatePanelSessionQuery("blocked"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.AccessDenied));
        }

        _sessions.Verify(s => s.FindByDigestAsync(It.Is<byte[]>(d => System.Text.Encoding.ASCII.GetString(d) == "digest:blocked"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Logout_ForgetsTheCachedSession()
    {
        var live = new PanelSessionInfo(5, 2, 3, Fakes.Now.AddHours(1), false, false, PanelPermissions.All);
        PanelSessionInfo? stored = live;
        _sessions.Setup(s => s.FindByDigestAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        _sessions.Setup(s => s.DeleteAsync(5, It.IsAny<CancellationToken>())).Callback(() => stored = null).ReturnsAsync(true);
        var cache = new PanelSessionCache(TimeSpan.FromSeconds(5));
        var authenticate = new AuthenticatePanelSessionQueryHandler(_sessions.Object, cache, Fakes.Tokens().Object, Fakes.Clock().Object);

        await authenticate.Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None);
        await new LogoutPanelSessionCommandHandler(_sessions.Object, cache).Handle(new LogoutPanelSessionCommand(5), CancellationToken.None);

        var ex = Assert.ThrowsAsync<NavixyException>(() => authenticate.Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
    }

    [Test]
    public async Task Logout_WhenTheDeleteThrowsAfterCommitting_StillForgetsTheCachedSession()
    {
        var live = new PanelSessionInfo(5, 2, 3, Fakes.Now.AddHours(1), false, false, PanelPermissions.All);
        PanelSessionInfo? stored = live;
        _sessions.Setup(s => s.FindByDigestAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        // The row is gone, then the client's disconnect surfaces as a cancellation.
        _sessions.Setup(s => s.DeleteAsync(5, It.IsAny<CancellationToken>())).Callback(() => stored = null).ThrowsAsync(new OperationCanceledException());
        var cache = new PanelSessionCache(TimeSpan.FromSeconds(5));
        var authenticate = new AuthenticatePanelSessionQueryHandler(_sessions.Object, cache, Fakes.Tokens().Object, Fakes.Clock().Object);
        await authenticate.Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None);
        Assert.That(cache.Count, Is.EqualTo(1));

        Assert.ThrowsAsync<OperationCanceledException>(() => new LogoutPanelSessionCommandHandler(_sessions.Object, cache).Handle(new LogoutPanelSessionCommand(5), CancellationToken.None));

        Assert.That(cache.Count, Is.Zero);
        var ex = Assert.ThrowsAsync<NavixyException>(() => authenticate.Handle(new AuthenticatePanelSessionQuery("live"), CancellationToken.None));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.SessionNotFound));
    }

    [Test]
    public async Task CreateDealer_AddsAndSaves()
    {
        Dealer? added = null;
        _dealers.Setup(d => d.Add(It.IsAny<Dealer>())).Callback((Dealer d) => added = d);

        await new CreateDealerCommandHandler(_dealers.Object, _unitOfWork.Object, Fakes.Clock().Object).Handle(new CreateDealerCommand(" Acme "), CancellationToken.None);

        Assert.That(added!.Name, Is.EqualTo("Acme"));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task CreatePanelAccount_MissingDealer201_TakenLogin206_ElseHashedPassword()
    {
        var handler = new CreatePanelAccountCommandHandler(_dealers.Object, _accounts.Object, _unitOfWork.Object, Fakes.Hashing(_hasher.Object), Fakes.Clock().Object);
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new CreatePanelAccountCommand(4, "ops", "Secret123!", "users:read"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.NotFound));

        GivenAccount();
        _accounts.Setup(a => a.LoginExistsAsync("taken", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Assert.That(Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new CreatePanelAccountCommand(4, "taken", "Secret123!", "users:read"), CancellationToken.None))!.Code, Is.EqualTo(ErrorCode.LoginInUse));

        PanelAccount? added = null;
        _accounts.Setup(a => a.Add(It.IsAny<PanelAccount>())).Callback((PanelAccount a) => added = a);
        await handler.Handle(new CreatePanelAccountCommand(4, "fresh", "Secret123!", "users:read"), CancellationToken.None);
        Assert.That(added!.PasswordHash, Is.EqualTo("hashed:Secret123!"));
        Assert.That(added.Permissions.Grants, Is.EqualTo(new[] { "users:read" }));
    }

    [Test]
    public void CreatePanelAccountValidator_RefusesUnknownPermissionsAndShortPasswords()
    {
        var validator = new CreatePanelAccountCommandValidator();
        Assert.That(Fakes.RejectedParameters(validator, new CreatePanelAccountCommand(0, "a b", "short", "users:read,tariffs:delete")), Is.EqualTo(new[] { "dealer_id", "login", "password", "permissions" }));
        Assert.That(Fakes.RejectedParameters(validator, new CreatePanelAccountCommand(1, "ops", "Secret123!", "users:read")), Is.Empty);
        Assert.That(Fakes.RejectedParameters(new CreateDealerCommandValidator(), new CreateDealerCommand("")), Is.EqualTo(new[] { "name" }));
        Assert.That(Fakes.RejectedParameters(new AuthenticatePanelAccountCommandValidator(), new AuthenticatePanelAccountCommand(null, null)), Is.EqualTo(new[] { "login", "password" }));
    }

    [Test]
    public async Task Bootstrap_OnEmptyDatabase_CreatesDealerAndAdminWithEveryPermission()
    {
        PanelAccount? admin = null;
        _accounts.Setup(a => a.Add(It.IsAny<PanelAccount>())).Callback((PanelAccount a) => admin = a);
        var handler = new BootstrapPlatformCommandHandler(_dealers.Object, _accounts.Object, _unitOfWork.Object, Fakes.Hashing(_hasher.Object), Fakes.Clock().Object);

        var configured = await handler.Handle(new BootstrapPlatformCommand("Configured-1"), CancellationToken.None);

        Assert.That(configured, Is.EqualTo(new BootstrapOutcome(true, null)));
        Assert.That(admin!.Login, Is.EqualTo("admin"));
        Assert.That(admin.PasswordHash, Is.EqualTo("hashed:Configured-1"));
        Assert.That(admin.Permissions, Is.EqualTo(PanelPermissions.All));

        var generated = await handler.Handle(new BootstrapPlatformCommand(null), CancellationToken.None);
        Assert.That(generated.GeneratedPassword, Has.Length.EqualTo(20));
        Assert.That(admin.PasswordHash, Is.EqualTo("hashed:" + generated.GeneratedPassword));
    }

    [TestCase("short")]
    [TestCase("          ")]
    public void Bootstrap_WithAnUnusableConfiguredPassword_RefusesAndCreatesNothing(string password)
    {
        var handler = new BootstrapPlatformCommandHandler(_dealers.Object, _accounts.Object, _unitOfWork.Object, Fakes.Hashing(_hasher.Object), Fakes.Clock().Object);

        var refused = Assert.ThrowsAsync<InvalidSettingException>(() => handler.Handle(new BootstrapPlatformCommand(password), CancellationToken.None));

        Assert.That(refused!.Message, Is.EqualTo(BootstrapOptions.Unusable), "a fixed sentence: the password is not in it");
        _dealers.Verify(d => d.Add(It.IsAny<Dealer>()), Times.Never);
        _accounts.Verify(a => a.Add(It.IsAny<PanelAccount>()), Times.Never);
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    public async Task Bootstrap_WhenADealerExists_DoesNothing_AndSaysWhetherAnAccountDoes(bool accountExists, bool noPanelAccount)
    {
        _dealers.Setup(d => d.AnyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _accounts.Setup(a => a.AnyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(accountExists);
        var handler = new BootstrapPlatformCommandHandler(_dealers.Object, _accounts.Object, _unitOfWork.Object, Fakes.Hashing(_hasher.Object), Fakes.Clock().Object);

        Assert.That(await handler.Handle(new BootstrapPlatformCommand(null), CancellationToken.None), Is.EqualTo(new BootstrapOutcome(false, null, noPanelAccount)));
        _accounts.Verify(a => a.Add(It.IsAny<PanelAccount>()), Times.Never);
    }
}
