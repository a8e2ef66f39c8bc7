using System.Text;
using FluentValidation;
using Moq;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.UnitTests.TestSupport;

/// <summary>Shared doubles for handler tests of the MFA, users and user-login features.</summary>
internal static class Fakes
{
    public static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    public static Mock<TimeProvider> Clock(DateTime? at = null)
    {
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(new DateTimeOffset(at ?? Now));
        return clock;
    }

    /// <summary>A read cache that serves, with a lifetime long enough for any test.</summary>
    public static Navixy.Panel.Application.Common.Caching.DealerReadCache ReadCache() =>
        new(TimeSpan.FromMinutes(5), Clock().Object, serving: true);

    /// <summary>A unit of work whose transaction simply runs the work.</summary>
    public static Mock<IUnitOfWork> UnitOfWork()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<int>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<CancellationToken, Task<int>> work, CancellationToken ct) => work(ct));
        unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<long>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<CancellationToken, Task<long>> work, CancellationToken ct) => work(ct));
        unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<CancellationToken, Task<bool>> work, CancellationToken ct) => work(ct));
        unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<MediatR.Unit>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<CancellationToken, Task<MediatR.Unit>> work, CancellationToken ct) => work(ct));
        return unitOfWork;
    }

    /// <summary>An audit trail from the system whose events land in <paramref name="recorded"/> (when given).</summary>
    public static AuditTrail Audit(List<AuditEvent>? recorded = null)
    {
        var events = new Mock<IAuditEventRepository>();
        events.Setup(e => e.Add(It.IsAny<AuditEvent>())).Callback((AuditEvent e) => recorded?.Add(e));
        return new AuditTrail(events.Object, SystemOrigin.Instance, Clock().Object);
    }

    /// <summary>Deterministic tokens: digests are the readable input, so tests can tell them apart.</summary>
    public static Mock<ISecretTokens> Tokens(string code = "123456")
    {
        var tokens = new Mock<ISecretTokens>();
        var issued = 0;
        tokens.Setup(t => t.NewSessionToken()).Returns(() =>
        {
            var hash = (++issued).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            return new IssuedToken(hash, Encoding.ASCII.GetBytes("digest:" + hash));
        });
        tokens.Setup(t => t.DigestOfSessionHash(It.IsAny<string>())).Returns((string h) => Encoding.ASCII.GetBytes("digest:" + h));
        tokens.Setup(t => t.NewOneTimeCode()).Returns(code);
        tokens.Setup(t => t.DigestOfOneTimeCode(It.IsAny<string>(), It.IsAny<long>()))
            .Returns((string c, long id) => Encoding.ASCII.GetBytes($"{id}:{c}"));
        tokens.Setup(t => t.DigestsEqual(It.IsAny<byte[]>(), It.IsAny<byte[]>())).Returns((byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b));
        return tokens;
    }

    /// <summary>Password hashing with one worker per lane over <paramref name="hasher"/> (by default <see cref="Hasher"/>).</summary>
    public static Navixy.Panel.Application.Common.Security.PasswordHashing Hashing(IPasswordHasher? hasher = null) =>
        new(hasher ?? Hasher().Object, interactiveWorkers: 1, bulkWorkers: 1);

    /// <summary>Pending passwords over <paramref name="hasher"/> with a seal that only prefixes "sealed:".</summary>
    public static Navixy.Panel.Application.Common.Security.PendingPasswords Pending(IPasswordHasher? hasher = null)
    {
        var seal = new Mock<IPasswordSeal>();
        seal.Setup(s => s.Seal(It.IsAny<string>())).Returns((string p) => Encoding.UTF8.GetBytes("sealed:" + p));
        seal.Setup(s => s.Open(It.IsAny<byte[]>())).Returns((byte[] b) => Encoding.UTF8.GetString(b) is var t && t.StartsWith("sealed:", StringComparison.Ordinal) ? t["sealed:".Length..] : null);
        hasher ??= Hasher().Object;
        return new(seal.Object, hasher, Hashing(hasher));
    }

    public static Mock<IPasswordHasher> Hasher()
    {
        var hasher = new Mock<IPasswordHasher>();
        hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string p) => "hashed:" + p);
        hasher.Setup(h => h.Verify(It.IsAny<string>(), It.IsAny<string>())).Returns((string hash, string p) => hash == "hashed:" + p);
        return hasher;
    }

    /// <summary>The wire parameters a validator rejects, as the validation behaviour reports them.</summary>
    public static string[] RejectedParameters<T>(IValidator<T> validator, T request) =>
        validator.Validate(request).Errors.Select(e => ParameterPath.FromPropertyPath(e.PropertyName)).Distinct().Order().ToArray();
}
