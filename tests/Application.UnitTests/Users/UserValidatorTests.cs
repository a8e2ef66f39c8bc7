using Navixy.Panel.Application.Mfa.Models;
using Navixy.Panel.Application.UnitTests.TestSupport;
using Navixy.Panel.Application.Users.Commands.CreateUser;
using Navixy.Panel.Application.Users.Models;
using Navixy.Panel.Application.Users.Queries.ListUsers;
using Navixy.Panel.Application.Users.Queries.ReadUser;

namespace Navixy.Panel.Application.UnitTests.Users;

public sealed class UserValidatorTests
{
    private readonly CreateUserCommandValidator _create = new();

    private string[] RejectedCreate(UserModel? user, string? password = "Passw0rd!", string? locale = "en_US", string? timeZone = "Europe/London", string? comment = null) =>
        Fakes.RejectedParameters(_create, new CreateUserCommand(1, user, password, locale, timeZone, comment));

    [Test]
    public void Create_WhenComplete_Accepts() => Assert.That(RejectedCreate(UserHandlerTests.Jane()), Is.Empty);

    [Test]
    public void Create_WhenEverythingMissing_NamesEachParameter() =>
        Assert.That(RejectedCreate(null, null, null, null), Is.EqualTo(new[] { "locale", "password", "time_zone", "user" }));

    [TestCase("not-an-email")]
    [TestCase("a@b")]
    [TestCase("")]
    public void Create_WhenLoginNotAnEmail_NamesUserLogin(string login) =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { Login = login }), Is.EqualTo(new[] { "user.login" }));

    [Test]
    public void Create_WhenLegalTypeMissingOrUnknown_NamesUserLegalType()
    {
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { LegalType = null }), Is.EqualTo(new[] { "user.legal_type" }));
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { LegalType = "company" }), Is.EqualTo(new[] { "user.legal_type" }));
    }

    [Test]
    public void Create_WhenLegalEntityWithoutLegalName_NamesUserLegalName() =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { LegalType = "legal_entity" }), Is.EqualTo(new[] { "user.legal_name" }));

    [TestCase("short")]
    [TestCase("tab\tinside")]
    public void Create_WhenPasswordBad_NamesPassword(string password) =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), password), Is.EqualTo(new[] { "password" }));

    [Test]
    public void Create_WhenPasswordOver64_NamesPassword() =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), new string('x', 65)), Is.EqualTo(new[] { "password" }));

    [TestCase("12ab")]
    [TestCase("+49151123")]
    [TestCase("١٢٣")]
    [TestCase("１２３")]
    [TestCase("123\n")]
    public void Create_WhenPhoneIsNotAsciiDigits_NamesUserPhone(string phone) =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { Phone = phone }), Is.EqualTo(new[] { "user.phone" }));

    [Test]
    public void Create_WhenLocaleOrTimeZoneEndsInALineBreak_NamesThem()
    {
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), locale: "en_US\n"), Is.EqualTo(new[] { "locale" }));
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), timeZone: "Europe/London\n"), Is.EqualTo(new[] { "time_zone" }));
    }

    [Test]
    public void Create_WhenNameTooLong_NamesIt() =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane() with { FirstName = new string('a', 101) }), Is.EqualTo(new[] { "user.first_name" }));

    [Test]
    public void Create_WhenOwnMfaSettingsInvalid_NamesNestedPath() =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(new MfaSettingsModel("allowed", []))), Is.EqualTo(new[] { "user.dealer_mfa_settings.factor_types" }));

    [Test]
    public void Create_WhenCommentTooLongOrBadLocaleOrZone_NamesThem() =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), locale: "english", timeZone: "not a zone", comment: new string('c', 256)), Is.EqualTo(new[] { "comment", "locale", "time_zone" }));

    [TestCase("London")]
    [TestCase("Europe/Londn")]
    [TestCase("europe/london")]
    public void Create_WhenTimeZoneLooksRightButIsNoZone_NamesTimeZone(string zone) =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), timeZone: zone), Is.EqualTo(new[] { "time_zone" }));

    [TestCase("UTC")]
    [TestCase("America/Argentina/Buenos_Aires")]
    [TestCase("Etc/GMT+3")]
    public void Create_WithAZoneOfTheDatabase_Accepts(string zone) =>
        Assert.That(RejectedCreate(UserHandlerTests.Jane(), timeZone: zone), Is.Empty);

    [Test]
    public void Read_WhenUserIdMissingOrNotPositive_NamesUserId()
    {
        var validator = new ReadUserQueryValidator();
        Assert.That(Fakes.RejectedParameters(validator, new ReadUserQuery(1, null)), Is.EqualTo(new[] { "user_id" }));
        Assert.That(Fakes.RejectedParameters(validator, new ReadUserQuery(1, 0)), Is.EqualTo(new[] { "user_id" }));
        Assert.That(Fakes.RejectedParameters(validator, new ReadUserQuery(1, 3)), Is.Empty);
    }

    [Test]
    public void List_WhenOrderByUnknown_NamesOrderBy() =>
        Assert.That(Fakes.RejectedParameters(new ListUsersQueryValidator(), new ListUsersQuery(1, null, null, "balance", null, null, null)), Is.EqualTo(new[] { "order_by" }));

    [Test]
    public void List_WhenPagingOutOfRange_NamesOffsetAndLimit()
    {
        var validator = new ListUsersQueryValidator();
        Assert.That(Fakes.RejectedParameters(validator, new ListUsersQuery(1, null, null, null, null, -1, 1001)), Is.EqualTo(new[] { "limit", "offset" }));
        Assert.That(Fakes.RejectedParameters(validator, new ListUsersQuery(1, "x", true, "mfa_allowed", true, 0, 1000)), Is.Empty);
    }
}
