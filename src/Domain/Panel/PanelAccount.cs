namespace Navixy.Panel.Domain.Panel;

/// <summary>A login to the Admin Panel; belongs to one dealer and holds permissions.</summary>
public sealed class PanelAccount
{
    private PanelAccount()
    {
        Login = string.Empty;
        PasswordHash = string.Empty;
        PermissionGrants = string.Empty;
    }

    public PanelAccount(long dealerId, string login, string passwordHash, PanelPermissions permissions, DateTime createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        ArgumentNullException.ThrowIfNull(permissions);
        DealerId = dealerId;
        Login = login.Trim();
        PasswordHash = passwordHash;
        PermissionGrants = permissions.ToStorage();
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long DealerId { get; private set; }

    public string Login { get; private set; }

    public string PasswordHash { get; private set; }

    /// <summary>Comma-separated grants as stored; read through <see cref="Permissions"/>.</summary>
    public string PermissionGrants { get; private set; }

    public bool Blocked { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public PanelPermissions Permissions => PanelPermissions.FromStorage(PermissionGrants);

    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }

    public void Block() => Blocked = true;
}
