using Navixy.Panel.Application.Audit.Queries.ListAuditEvents;
using Navixy.Panel.Application.UnitTests.TestSupport;

namespace Navixy.Panel.Application.UnitTests.Audit;

public sealed class ListAuditEventsQueryValidatorTests
{
    private readonly ListAuditEventsQueryValidator _validator = new();

    private string[] Rejected(long? userId = null, string?[]? actions = null, string? from = null, string? to = null, int? offset = null, int? limit = null) =>
        Fakes.RejectedParameters(_validator, new ListAuditEventsQuery(1, userId, actions, from, to, offset, limit));

    [Test]
    public void Validate_WithNoFilter_Accepts() => Assert.That(Rejected(), Is.Empty);

    [Test]
    public void Validate_WithEveryFilterInRange_Accepts() =>
        Assert.That(Rejected(7, ["mfa.update", "panel.auth.failed"], "2026-12-01 00:00:00", "2026-12-01 00:00:00", 0, 1000), Is.Empty);

    [TestCase(0L)]
    [TestCase(-3L)]
    public void Validate_WhenUserIdIsNotPositive_RejectsUserId(long userId) => Assert.That(Rejected(userId: userId), Is.EqualTo(new[] { "user_id" }));

    [TestCase("mfa.delete")]
    [TestCase("MFA.UPDATE")]
    [TestCase(null)]
    public void Validate_WhenAnActionIsUnknown_RejectsIt(string? action) => Assert.That(Rejected(actions: ["mfa.update", action]), Is.EqualTo(new[] { "actions" }));

    [TestCase("2026-12-01")]
    [TestCase("2026-12-01T00:00:00Z")]
    [TestCase("2026-02-30 00:00:00")]
    [TestCase("yesterday")]
    public void Validate_WhenATimeIsNotInTheWireForm_RejectsIt(string time)
    {
        Assert.That(Rejected(from: time), Is.EqualTo(new[] { "from" }));
        Assert.That(Rejected(to: time), Is.EqualTo(new[] { "to" }));
    }

    [Test]
    public void Validate_WhenToIsBeforeFrom_RejectsTo() =>
        Assert.That(Rejected(from: "2026-12-02 00:00:00", to: "2026-12-01 23:59:59"), Is.EqualTo(new[] { "to" }));

    [TestCase(0)]
    [TestCase(1001)]
    public void Validate_WhenLimitIsOutOfRange_RejectsLimit(int limit) => Assert.That(Rejected(limit: limit), Is.EqualTo(new[] { "limit" }));

    [Test]
    public void Validate_WhenOffsetIsNegative_RejectsOffset() => Assert.That(Rejected(offset: -1), Is.EqualTo(new[] { "offset" }));
}
