using Microsoft.AspNetCore.Identity;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher behind the application port.</summary>
internal sealed class AspNetPasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new object(), "dummy-password-for-timing"));

    public string Hash(string password) => Hasher.HashPassword(new object(), password);

    public bool Verify(string passwordHash, string password) =>
        Hasher.VerifyHashedPassword(new object(), passwordHash, password) != PasswordVerificationResult.Failed;

    public void VerifyDummy(string password) => Hasher.VerifyHashedPassword(new object(), DummyHash.Value, password);
}
