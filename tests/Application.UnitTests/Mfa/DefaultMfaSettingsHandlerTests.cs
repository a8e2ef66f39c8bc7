using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Mfa.Queries.ReadDefaultMfaSettings;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.UnitTests.Mfa;

public sealed class DefaultMfaSettingsHandlerTests
{
    private Mock<IDealerRepository> _dealers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;

    [SetUp]
    public void SetUp()
    {
        _dealers = new Mock<IDealerRepository>();
        _unitOfWork = Fakes.UnitOfWork();
    }

    [Test]
    public async Task ReadDefault_WhenNoneKept_ReturnsNull()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync((MfaSettings?)null);

        var value = await new ReadDefaultMfaSettingsQueryHandler(_dealers.Object).Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);

        Assert.That(value, Is.Null);
    }

    [Test]
    public async Task ReadDefault_WhenAllowed_ReturnsTypeAndFactorTypes()
    {
        _dealers.Setup(d => d.GetDefaultMfaAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(MfaSettings.Allow(MfaFactorTypes.Email));

        var value = await new ReadDefaultMfaSettingsQueryHandler(_dealers.Object).Handle(new ReadDefaultMfaSettingsQuery(3), CancellationToken.None);

        Assert.That(value!.Type, Is.EqualTo("allowed"));
        Assert.That(value.FactorTypes, Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task UpdateDefault_SetsDealerDefaultAndSaves()
    {
        var dealer = new Dealer("Acme", Fakes.Now);
        _dealers.Setup(d => d.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(dealer);

        await new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, _unitOfWork.Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        Assert.That(dealer.DefaultMfaSettings, Is.EqualTo(MfaSettings.Disallowed));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void UpdateDefault_WhenDealerMissing_Throws201()
    {
        var ex = Assert.ThrowsAsync<NavixyException>(() => new UpdateDefaultMfaSettingsCommandHandler(_dealers.Object, _unitOfWork.Object)
            .Handle(new UpdateDefaultMfaSettingsCommand(3, new MfaSettingsModel("disallowed", null)), CancellationToken.None));
        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
    }
}
