using System.Security.Cryptography;
using Navixy.Panel.Infrastructure.Security;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Security;

public sealed class PasswordSealTests
{
    private static PasswordSeal SealWithNewSecret() =>
        new(ServerSecret.Load(RandomNumberGenerator.GetBytes(32), Path.GetTempPath()));

    [TestCase("Passw0rd")]
    [TestCase("Ünïcödé-Пароль-密码-😀😀")]
    public void Open_GivesBackTheSealedPassword(string password)
    {
        var seal = SealWithNewSecret();

        Assert.That(seal.Open(seal.Seal(password)), Is.EqualTo(password));
    }

    [Test]
    public void Seal_HasOneLengthForEveryPassword_AndANewNonceEachTime()
    {
        var seal = SealWithNewSecret();
        var short1 = seal.Seal("Passw0rd");
        var short2 = seal.Seal("Passw0rd");
        var longest = seal.Seal(new string('x', 64));

        Assert.That(new[] { short1.Length, short2.Length, longest.Length }, Is.All.EqualTo(PasswordSeal.SealedLength));
        Assert.That(short1, Is.Not.EqualTo(short2));
    }

    [Test]
    public void Open_WithAnotherServerSecretOrAChangedByte_GivesNull()
    {
        var seal = SealWithNewSecret();
        var sealedPassword = seal.Seal("Passw0rd");
        var changed = (byte[])sealedPassword.Clone();
        changed[20] ^= 1;

        Assert.That(SealWithNewSecret().Open(sealedPassword), Is.Null);
        Assert.That(seal.Open(changed), Is.Null);
        Assert.That(seal.Open(sealedPassword[..^1]), Is.Null);
    }
}
