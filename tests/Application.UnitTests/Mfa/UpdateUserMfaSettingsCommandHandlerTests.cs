using Microsoft.Extensions.Options;
using Moq;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Application.UnitTests.Mfa;

public sealed class UpdateUserMfaSettingsCommandHandlerTests
{
    private static readonly MfaSettingsModel Allowed = new("allowed", ["email"]);

    private Mock<IUserRepository> _users = null!;
    private Mock<IDealerRepository> _dealers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private DealerReadCache _cache = null!;
    private List<AuditEvent> _audit = null!;

    [SetUp]
    public void SetUp()
    {
        _users = new Mock<IUserRepository>(MockBehavior.Strict);
        _dealers = new Mock<IDealerRepository>(MockBehavior.Strict);
        _dealers.Setup(d => d.BeginMfaChangeAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _unitOfWork = Fakes.UnitOfWork();
        _cache = Fakes.ReadCache();
        _outbox = new Mock<INotificationOutbox>(MockBehavior.Strict);
        _audit = [];
    }

    private Mock<INotificationOutbox> _outbox = null!;

    private UpdateUserMfaSettingsCommandHandler Handler(MfaChangeNotices notices = MfaChangeNotices.Off) => new(
        _users.Object,
        new DealerMfaChanges(_dealers.Object, _unitOfWork.Object, _cache),
        new MfaNotices(_outbox.Object, _dealers.Object, _users.Object, Options.Create(new NotificationOptions { MfaChanges = notices })),
        Fakes.Audit(_audit),
        Fakes.Clock().Object);

    [Test]
    public async Task Handle_WhenAllAreTurnedOffAndTurnedOffIsMailed_RecordsOneBatchThatTheSameUpdateMarks()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(MfaSettings.Allow(MfaFactorTypes.Email));
        _outbox.Setup(o => o.AddBatchAsync(It.Is<NotificationBatch>(b => b.DealerId == 7 && b.Kind == MfaNoticeKind.TurnedOff && b.ChangedAt == Fakes.Now && b.FirstMasterId == null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(41);
        _users.Setup(u => u.SetMfaForAllAsync(7, MfaSettings.Disallowed, Fakes.Now, new MfaNoticeMark(41, MfaNoticeKind.TurnedOff, true), It.IsAny<CancellationToken>())).ReturnsAsync(3);

        await Handler(MfaChangeNotices.TurnedOff).Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        _outbox.Verify(o => o.AddBatchAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>()), Times.Once);
        _users.Verify(u => u.SetMfaForAllAsync(7, MfaSettings.Disallowed, Fakes.Now, new MfaNoticeMark(41, MfaNoticeKind.TurnedOff, true), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenSelectedAreTurnedOnButOnlyTurnedOffIsMailed_RecordsNothing()
    {
        _users.Setup(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<MfaSettings>(), Fakes.Now, null, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        await Handler(MfaChangeNotices.TurnedOff).Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("selected", [5]), Allowed), CancellationToken.None);

        // The strict outbox mock would throw on any call.
        _users.Verify(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<MfaSettings>(), Fakes.Now, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenSelectedAreTurnedOffAndMailed_BoundsTheBatchToTheSelectedIds()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((MfaSettings?)null);
        _outbox.Setup(o => o.AddBatchAsync(It.Is<NotificationBatch>(b => b.FirstMasterId == 3 && b.LastMasterId == 9), It.IsAny<CancellationToken>())).ReturnsAsync(5);
        _users.Setup(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), MfaSettings.Disallowed, Fakes.Now, new MfaNoticeMark(5, MfaNoticeKind.TurnedOff, false), It.IsAny<CancellationToken>())).ReturnsAsync(2);

        await Handler(MfaChangeNotices.All).Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("selected", [9, 3]), new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        _outbox.Verify(o => o.AddBatchAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenTargetIsAll_UpdatesEveryMasterUserOfDealerInOneStatement()
    {
        _users.Setup(u => u.SetMfaForAllAsync(7, It.IsAny<MfaSettings>(), Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(3);

        await Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None);

        _users.Verify(u => u.SetMfaForAllAsync(7, It.Is<MfaSettings>(s => s.IsAllowed && s.FactorTypes == MfaFactorTypes.Email), Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<int>>>(), It.IsAny<CancellationToken>()), Times.Once);
        _dealers.Verify(d => d.BeginMfaChangeAsync(7, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenTargetIsAll_RecordsOneEventWithTheNumberOfUsersChanged()
    {
        _users.Setup(u => u.SetMfaForAllAsync(7, It.IsAny<MfaSettings>(), Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(12_345);

        await Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None);

        var recorded = _audit.Single();
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Action, Is.EqualTo(AuditActions.MfaUpdate));
            Assert.That(recorded.DealerId, Is.EqualTo(7));
            Assert.That(recorded.Target, Is.EqualTo(AuditTarget.All));
            Assert.That(recorded.After, Is.EqualTo(MfaSettings.Allow(MfaFactorTypes.Email)));
            Assert.That(recorded.Affected, Is.EqualTo(12_345));
            Assert.That(recorded.Users.Select(u => u.UserId), Is.EqualTo(new[] { AuditEventUser.EveryUser }));
        });
    }

    [Test]
    public async Task Handle_WhenTargetIsSelected_RecordsTheDistinctIds()
    {
        _users.Setup(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), MfaSettings.Disallowed, Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(2);

        await Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("selected", [2, 1, 2]), new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        var recorded = _audit.Single();
        Assert.That(recorded.Target!.Ids, Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(recorded.Users.Select(u => u.UserId), Is.EquivalentTo(new long[] { 1, 2 }));
        Assert.That(recorded.Affected, Is.EqualTo(2));
    }

    [Test]
    public async Task Handle_WhenAllSelectedIdsAreMastersOfDealer_UpdatesThemWithRepeatedIdsCountedOnce()
    {
        _users.Setup(u => u.SetMfaForSelectedAsync(7, It.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 1, 2 })), MfaSettings.Disallowed, Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(2);

        await Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("selected", [2, 1, 2]), new MfaSettingsModel("disallowed", ["email"])), CancellationToken.None);

        _users.Verify(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), MfaSettings.Disallowed, Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>()), Times.Once);
        _dealers.Verify(d => d.BeginMfaChangeAsync(7, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenASelectedIdIsNotAMasterOfDealer_Throws201InsideTheTransaction()
    {
        _users.Setup(u => u.SetMfaForSelectedAsync(7, It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<MfaSettings>(), Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var ex = Assert.ThrowsAsync<NavixyException>(() => Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("selected", [1, 99]), Allowed), CancellationToken.None));

        // The exception leaves the unit of work's transaction uncommitted: the one row that did change rolls back.
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<int>>>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_audit, Is.Empty, "a refused change records no event");
    }

    [Test]
    public void Handle_WhenTheDealerIsGone_Throws201WithoutTouchingUsers()
    {
        _dealers.Setup(d => d.BeginMfaChangeAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var ex = Assert.ThrowsAsync<NavixyException>(() => Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
        _users.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_ForgetsTheDealersCachedReadsOnceCommitted_AndOnlyThatDealers()
    {
        _users.Setup(u => u.SetMfaForAllAsync(7, It.IsAny<MfaSettings>(), Fakes.Now, It.IsAny<MfaNoticeMark?>(), It.IsAny<CancellationToken>())).ReturnsAsync(3);
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"load {++loads}");
        await _cache.GetOrLoadAsync(7, 1, Load, CancellationToken.None);
        await _cache.GetOrLoadAsync(8, 1, Load, CancellationToken.None);

        await Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None);

        Assert.That(await _cache.GetOrLoadAsync(7, 1, Load, CancellationToken.None), Is.EqualTo("load 3"), "dealer 7 is read again");
        Assert.That(await _cache.GetOrLoadAsync(8, 1, Load, CancellationToken.None), Is.EqualTo("load 2"), "dealer 8 is still kept");
    }

    [Test]
    public async Task Handle_WhenRefused_StillForgetsTheDealersCachedReads()
    {
        _dealers.Setup(d => d.BeginMfaChangeAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"load {++loads}");
        await _cache.GetOrLoadAsync(7, 1, Load, CancellationToken.None);

        Assert.ThrowsAsync<NavixyException>(() => Handler().Handle(new UpdateUserMfaSettingsCommand(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None));

        // Harmless when nothing changed (one more load), and safe when a commit's outcome is unknown.
        Assert.That(await _cache.GetOrLoadAsync(7, 1, Load, CancellationToken.None), Is.EqualTo("load 2"));
    }
}
