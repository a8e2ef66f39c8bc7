using Moq;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;
using Navixy.Panel.Application.Mfa.Commands.UpdateUserMfaSettings;
using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.Mfa.Queries.DryRunDefaultMfaSettingsUpdate;
using Navixy.Panel.Application.Mfa.Queries.DryRunUserMfaSettingsUpdate;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.UnitTests.Mfa;

public sealed class MfaDryRunHandlerTests
{
    private static readonly MfaSettingsModel Allowed = new("allowed", ["email"]);
    private static readonly MfaSettings Email = MfaSettings.Allow(MfaFactorTypes.Email);

    // Strict mocks: a dry run that called a write (SetMfa..., BeginMfaChange, SaveChanges) would throw.
    private Mock<IUserRepository> _users = null!;
    private Mock<IDealerRepository> _dealers = null!;
    private Dealer _dealer = null!;

    [SetUp]
    public void SetUp()
    {
        _users = new Mock<IUserRepository>(MockBehavior.Strict);
        _dealers = new Mock<IDealerRepository>(MockBehavior.Strict);
        _dealer = new Dealer("Acme", Fakes.Now);
        _dealers.Setup(d => d.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(() => _dealer);
    }

    [Test]
    public async Task Handle_WhenTargetIsSelected_CountsTheDistinctIdsWithTheDealerDefault()
    {
        _dealer.SetDefaultMfa(Email);
        _users.Setup(u => u.CountMfaChangeAsync(7, new long[] { 3, 5 }, Email, Email, It.IsAny<CancellationToken>())).ReturnsAsync(new MfaChangeFigures(2, 1, 0));

        var figures = await new DryRunUserMfaSettingsUpdateQueryHandler(_users.Object, _dealers.Object)
            .Handle(new DryRunUserMfaSettingsUpdateQuery(7, new MfaTargetModel("selected", [5, 3, 5]), Allowed), CancellationToken.None);

        Assert.That(figures, Is.EqualTo(new MfaChangeFigures(2, 1, 0)));
    }

    [Test]
    public void Handle_WhenAnIdIsNotAMasterOfTheDealer_Throws201()
    {
        _users.Setup(u => u.CountMfaChangeAsync(7, It.IsAny<IReadOnlyCollection<long>>(), Email, null, It.IsAny<CancellationToken>())).ReturnsAsync(new MfaChangeFigures(1, 1, 0));

        var thrown = Assert.ThrowsAsync<NavixyException>(() => new DryRunUserMfaSettingsUpdateQueryHandler(_users.Object, _dealers.Object)
            .Handle(new DryRunUserMfaSettingsUpdateQuery(7, new MfaTargetModel("selected", [3, 4]), Allowed), CancellationToken.None));

        Assert.That(thrown!.Code, Is.EqualTo(ErrorCode.NotFound));
    }

    [Test]
    public async Task Handle_WhenTargetIsAll_PassesNoIds()
    {
        _users.Setup(u => u.CountMfaChangeAsync(7, null, Email, null, It.IsAny<CancellationToken>())).ReturnsAsync(new MfaChangeFigures(9, 8, 1));

        var figures = await new DryRunUserMfaSettingsUpdateQueryHandler(_users.Object, _dealers.Object)
            .Handle(new DryRunUserMfaSettingsUpdateQuery(7, new MfaTargetModel("all", null), Allowed), CancellationToken.None);

        Assert.That(figures, Is.EqualTo(new MfaChangeFigures(9, 8, 1)));
    }

    [TestCase(null, "allowed", 5, 4)]
    [TestCase(null, "disallowed", 5, 0)]
    [TestCase("allowed", "allowed", 5, 0)]
    [TestCase("allowed", "disallowed", 5, 4)]
    public async Task Handle_Default_ChangesTheFollowersExceptDemoUsers_OnlyWhenTheDefaultsEffectiveSettingChanges(string? current, string next, int following, int changed)
    {
        if (current is not null)
        {
            _dealer.SetDefaultMfa(current == "allowed" ? Email : MfaSettings.Disallowed);
        }

        _users.Setup(u => u.CountFollowingDefaultAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((following, 1));

        var figures = await new DryRunDefaultMfaSettingsUpdateQueryHandler(_users.Object, _dealers.Object)
            .Handle(new DryRunDefaultMfaSettingsUpdateQuery(7, next == "allowed" ? Allowed : new MfaSettingsModel("disallowed", null)), CancellationToken.None);

        Assert.That(figures, Is.EqualTo(new MfaChangeFigures(following, changed, 1)));
    }

    [Test]
    public void Validators_RefuseWhatTheUpdatesRefuse()
    {
        var target = new MfaTargetModel("all", [1]);
        var settings = new MfaSettingsModel("allowed", []);

        Assert.That(
            Fakes.RejectedParameters(new DryRunUserMfaSettingsUpdateQueryValidator(), new DryRunUserMfaSettingsUpdateQuery(7, target, settings)),
            Is.EqualTo(Fakes.RejectedParameters(new UpdateUserMfaSettingsCommandValidator(), new UpdateUserMfaSettingsCommand(7, target, settings))).And.Not.Empty);
        Assert.That(
            Fakes.RejectedParameters(new DryRunDefaultMfaSettingsUpdateQueryValidator(), new DryRunDefaultMfaSettingsUpdateQuery(7, null)),
            Is.EqualTo(Fakes.RejectedParameters(new UpdateDefaultMfaSettingsCommandValidator(), new UpdateDefaultMfaSettingsCommand(7, null))).And.Not.Empty);
    }
}
