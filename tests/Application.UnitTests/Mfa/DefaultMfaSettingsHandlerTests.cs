using Microsoft.Extensions.Options;
using Moq;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;
using Navixy.Panel.Application.Notifications;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.UnitTests.Mfa;

public sealed class DefaultMfaSettingsHandlerTests
{
    private Mock<IDealerRepository> _dealers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private DealerReadCache _cache = null!;

    [SetUp]
    public void SetUp()
    {
        _dealers = new Mock<IDealerRepository>();
        _unitOfWork = Fakes.UnitOfWork();
        _cache = Fakes.ReadCache();
    }

    // Notifications off: these tests are about the default itself (NotificationTests cover the notices).
    private MfaNotices Notices() => new(
        new Mock<INotificationOutbox>(MockBehavior.Strict).Object,
        _dealers.Object,
        new Mock<IUserRepository>(MockBehavior.Strict).Object,
        Options.Create(new NotificationOptions { MfaChanges = MfaChangeNotices.Off }));

    [Test]
    public async Task ReadDefault_WhenNoneKept_ReturnsNull()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync((MfaSettings?)null);

        var value = await new ReadDefaultMfaSettingsQueryHandler(_dealers.Object, _cache).Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);

        Assert.That(value, Is.Null);
    }

    [Test]
    public async Task ReadDefault_WhenAllowed_ReturnsTypeAndFactorTypes()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(MfaSettings.Allow(MfaFactorTypes.Email));

        var value = await new ReadDefaultMfaSettingsQueryHandler(_dealers.Object, _cache).Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);

        Assert.That(value!.Type, Is.EqualTo("allowed"));
        Assert.That(value.FactorTypes, Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task UpdateDefault_SetsDealerDefaultInTheDealersMfaTransaction()
    {
        var dealer = new Dealer("Acme", Fakes.Now);
        _dealers.Setup(d => d.BeginMfaChangeAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _dealers.Setup(d => d.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(dealer);

        await new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, new DealerMfaChanges(_dealers.Object, _unitOfWork.Object, _cache), Notices(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        Assert.That(dealer.DefaultMfaSettings, Is.EqualTo(MfaSettings.Disallowed));
        _dealers.Verify(d => d.BeginMfaChangeAsync(3, It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<MediatR.Unit>>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void UpdateDefault_WhenDealerMissing_Throws201()
    {
        _dealers.Setup(d => d.BeginMfaChangeAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var ex = Assert.ThrowsAsync<NavixyException>(() => new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, new DealerMfaChanges(_dealers.Object, _unitOfWork.Object, _cache), Notices(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("disallowed", null)), CancellationToken.None));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
        _dealers.Verify(d => d.FindAsync(3, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReadDefault_IsServedFromTheCacheUntilAnUpdateOfTheDealerCommits()
    {
        var dealer = new Dealer("Acme", Fakes.Now);
        _dealers.Setup(d => d.BeginMfaChangeAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _dealers.Setup(d => d.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(dealer);
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(() => dealer.DefaultMfaSettings);
        var read = new ReadDefaultMfaSettingsQueryHandler(_dealers.Object, _cache);

        Assert.That(await read.Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None), Is.Null);
        Assert.That(await read.Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None), Is.Null);
        _dealers.Verify(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>()), Times.Once);

        await new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, new DealerMfaChanges(_dealers.Object, _unitOfWork.Object, _cache), Notices(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("allowed", ["email"])), CancellationToken.None);

        Assert.That((await read.Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None))!.Type, Is.EqualTo("allowed"));
        _dealers.Verify(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task UpdateDefault_WhenTheTransactionFails_StillForgetsTheCachedReads()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync((MfaSettings?)null);
        var read = new ReadDefaultMfaSettingsQueryHandler(_dealers.Object, _cache);
        await read.Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<MediatR.Unit>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("commit outcome unknown"));

        Assert.ThrowsAsync<TimeoutException>(() => new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, new DealerMfaChanges(_dealers.Object, _unitOfWork.Object, _cache), Notices(), Fakes.Audit(), Fakes.Clock().Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("disallowed", null)), CancellationToken.None));

        // The commit may have happened: the next read goes to the database.
        await read.Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);
        _dealers.Verify(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
