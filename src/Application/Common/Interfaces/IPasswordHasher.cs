namespace Navixy.Panel.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string passwordHash, string password);

    /// <summary>Spends the same work as a real verification, so unknown logins are not told apart by timing.</summary>
    void VerifyDummy(string password);
}
