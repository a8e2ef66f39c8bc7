using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Application.Users.Commands.CreateUser;
using Navixy.Panel.Application.Users.Models;
using Navixy.Panel.Application.Users.Queries.ListUsers;
using Navixy.Panel.Application.Users.Queries.ReadUser;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UnitTests.Users;

public sealed class UserHandlerTests
{
    private static readonly IMapper Mapper = new MapperConfiguration(c => c.AddProfile<UserMappingProfile>(), NullLoggerFactory.Instance).CreateMapper();

    private Mock<IUserRepository> _users = null!;
    private Mock<IDealerRepository> _dealers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;

    [SetUp]
    public void SetUp()
    {
        _users = new Mock<IUserRepository>();
        _dealers = new Mock<IDealerRepository>();
        _unitOfWork = Fakes.UnitOfWork();
    }

    internal static UserModel Jane(MfaSettingsModel? own = null, bool? demo = null) =>
        new("jane@example.com", "Jane", null, "Doe", null, "individual", null, null, null, null, null, null, demo, own);

    private static User Master(MfaSettings? own = null) =>
        User.CreateMaster(5, "jane@example.com", "hashed:x", new UserProfile { FirstName = "Jane", LastName = "Doe", LegalType = LegalType.SoleTrader }, "en_US", "UTC", null, false, own, Fakes.Now);

    private static UserWithMfa WithMfa(User master, MfaSettings? dealerDefault) => new(master, master.OwnMfaSettings, dealerDefault, DealerBlocked: false);

    [Test]
    public void MappingConfiguration_IsValid() =>
        Assert.DoesNotThrow(() => new MapperConfiguration(c => c.AddProfile<UserMappingProfile>(), NullLoggerFactory.Instance).AssertConfigurationIsValid());

    [Test]
    public async Task Create_WhenLoginFree_AddsMasterWithHashedPasswordAndOwnSettings()
    {
        User? added = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);
        var handler = new CreateUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object);

        await handler.Handle(new CreateUserCommand(5, Jane(new MfaSettingsModel("allowed", ["email"])), "Passw0rd!", "en_US", "Europe/London", " note "), CancellationToken.None);

        Assert.That(added, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(added!.DealerId, Is.EqualTo(5));
            Assert.That(added.IsMaster, Is.True);
            Assert.That(added.PasswordHash, Is.EqualTo("hashed:Passw0rd!"));
            Assert.That(added.OwnMfaSettings, Is.EqualTo(MfaSettings.Allow(MfaFactorTypes.Email)));
            Assert.That(added.Comment, Is.EqualTo("note"));
            Assert.That(added.CreatedAt, Is.EqualTo(Fakes.Now));
        });
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Create_WithoutOwnSettings_LeavesUserOnDealerDefault()
    {
        User? added = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);
        var handler = new CreateUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object);

        await handler.Handle(new CreateUserCommand(5, Jane(), "Passw0rd!", "en_US", "UTC", null), CancellationToken.None);

        Assert.That(added!.OwnMfaSettings, Is.Null);
    }

    [Test]
    public void Create_WhenLoginTaken_Throws206AndAddsNothing()
    {
        _users.Setup(u => u.LoginExistsAsync("jane@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new CreateUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object);

        var ex = Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new CreateUserCommand(5, Jane(), "Passw0rd!", "en_US", "UTC", null), CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginInUse));
        _users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
    }

    [Test]
    public void Create_WhenConcurrentRequestTookLogin_Throws206()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new DuplicateKeyException(new InvalidOperationException()));
        var handler = new CreateUserCommandHandler(_users.Object, _unitOfWork.Object, Fakes.Hashing(), Fakes.Audit(), Fakes.Clock().Object);

        var ex = Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new CreateUserCommand(5, Jane(), "Passw0rd!", "en_US", "UTC", null), CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.LoginInUse));
    }

    [Test]
    public void Read_WhenNotAMasterOfDealer_Throws201()
    {
        var handler = new ReadUserQueryHandler(_users.Object, Mapper, Fakes.ReadCache());

        var ex = Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
    }

    [Test]
    public async Task Read_WhenUserFollowsDefault_ShowsEffectiveDefaultAndNullOwnSettings()
    {
        _users.Setup(u => u.FindMasterWithMfaAsync(5, 42, It.IsAny<CancellationToken>())).ReturnsAsync(WithMfa(Master(), MfaSettings.Allow(MfaFactorTypes.Email)));
        var handler = new ReadUserQueryHandler(_users.Object, Mapper, Fakes.ReadCache());

        var result = await handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.MfaAllowed, Is.True);
            Assert.That(result.DealerMfaSettings, Is.Null);
            Assert.That(result.Value.LegalType, Is.EqualTo("sole_trader"));
            Assert.That(result.Value.CreationDate, Is.EqualTo("2026-11-22 12:00:00"));
            Assert.That(result.Value.Login, Is.EqualTo("jane@example.com"));
        });
    }

    [Test]
    public async Task Read_WhenOwnSettingDisallowed_OverridesAllowedDefault()
    {
        _users.Setup(u => u.FindMasterWithMfaAsync(5, 42, It.IsAny<CancellationToken>())).ReturnsAsync(WithMfa(Master(MfaSettings.Disallowed), MfaSettings.Allow(MfaFactorTypes.Email)));
        var handler = new ReadUserQueryHandler(_users.Object, Mapper, Fakes.ReadCache());

        var result = await handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None);

        Assert.That(result.Value.MfaAllowed, Is.False);
        Assert.That(result.DealerMfaSettings, Is.EqualTo(new MfaSettingsDto("disallowed", null)));
    }

    [Test]
    public async Task Read_IsServedFromTheCache_ButA201IsNot()
    {
        var handler = new ReadUserQueryHandler(_users.Object, Mapper, Fakes.ReadCache());
        Assert.ThrowsAsync<NavixyException>(() => handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None));
        _users.Setup(u => u.FindMasterWithMfaAsync(5, 42, It.IsAny<CancellationToken>())).ReturnsAsync(WithMfa(Master(), null));

        var first = await handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None);
        var second = await handler.Handle(new ReadUserQuery(5, 42), CancellationToken.None);

        Assert.That(second, Is.SameAs(first));
        _users.Verify(u => u.FindMasterWithMfaAsync(5, 42, It.IsAny<CancellationToken>()), Times.Exactly(2), "the 201 was not kept");
    }

    [Test]
    public async Task Read_WhenNoOwnSettingAndNoDefault_IsDisallowed()
    {
        _users.Setup(u => u.FindMasterWithMfaAsync(5, 42, It.IsAny<CancellationToken>())).ReturnsAsync(WithMfa(Master(), null));
        var result = await new ReadUserQueryHandler(_users.Object, Mapper, Fakes.ReadCache()).Handle(new ReadUserQuery(5, 42), CancellationToken.None);
        Assert.That(result.Value.MfaAllowed, Is.False);
    }

    [Test]
    public async Task List_PassesOrderAndPagingAndComputesEffectiveSetting()
    {
        _users.Setup(u => u.ListMastersAsync(5, "doe", null, null, UserOrder.LastName, false, 10, 20, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserPage([Master(), Master(MfaSettings.Disallowed)], 31));
        _dealers.Setup(d => d.GetDefaultMfaAsync(5, It.IsAny<CancellationToken>())).ReturnsAsync(MfaSettings.Allow(MfaFactorTypes.Email));

        var result = await new ListUsersQueryHandler(_users.Object, _dealers.Object, Mapper)
            .Handle(new ListUsersQuery(5, "doe", null, "last_name", false, 10, 20), CancellationToken.None);

        Assert.That(result.Count, Is.EqualTo(31));
        Assert.That(result.List.Select(u => u.MfaAllowed), Is.EqualTo(new[] { true, false }));
        Assert.That(result.List.Select(u => u.MfaSource), Is.EqualTo(new[] { "default", "own" }));
        Assert.That(result.List.Select(u => u.MfaUpdatedAt), Is.EqualTo(new[] { null, Fakes.Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Test]
    public async Task List_FilteredOrOrderedByMfaAllowed_ReadsTheDefaultFirst_AndPassesIt()
    {
        var dealerDefault = MfaSettings.Allow(MfaFactorTypes.Email);
        _dealers.Setup(d => d.GetDefaultMfaAsync(5, It.IsAny<CancellationToken>())).ReturnsAsync(dealerDefault);
        _users.Setup(u => u.ListMastersAsync(5, null, false, dealerDefault, UserOrder.MfaAllowed, true, 0, 100, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserPage([], 0));

        var result = await new ListUsersQueryHandler(_users.Object, _dealers.Object, Mapper)
            .Handle(new ListUsersQuery(5, null, false, "mfa_allowed", null, null, null), CancellationToken.None);

        Assert.That(result.Count, Is.Zero);
        _dealers.Verify(d => d.GetDefaultMfaAsync(5, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task List_WithoutParameters_UsesIdAscendingFromZeroAndLimit100()
    {
        _users.Setup(u => u.ListMastersAsync(5, null, null, null, UserOrder.Id, true, 0, 100, It.IsAny<CancellationToken>())).ReturnsAsync(new UserPage([], 0));

        var result = await new ListUsersQueryHandler(_users.Object, _dealers.Object, Mapper)
            .Handle(new ListUsersQuery(5, null, null, null, null, null, null), CancellationToken.None);

        Assert.That(result.List, Is.Empty);
        _users.Verify(u => u.ListMastersAsync(5, null, null, null, UserOrder.Id, true, 0, 100, It.IsAny<CancellationToken>()), Times.Once);
    }
}
