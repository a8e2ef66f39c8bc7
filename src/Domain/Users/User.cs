using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Domain.Users;

/// <summary>
/// An end user of the platform. A master user owns an account; sub-users belong to a master's account
/// and share its MFA setting, so only masters carry one.
/// </summary>
public sealed class User
{
    private User()
    {
        Login = LoginKey = string.Empty;
        PasswordHash = string.Empty;
        FirstName = MiddleName = LastName = LegalName = Phone = string.Empty;
        PostCountry = PostRegion = PostCity = PostStreetAddress = PostIndex = string.Empty;
        Locale = TimeZone = Comment = string.Empty;
    }

    private User(long dealerId, long? masterId, string login, string passwordHash, UserProfile profile, DateTime createdAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        ArgumentNullException.ThrowIfNull(profile);
        DealerId = dealerId;
        MasterId = masterId;
        Login = login.Trim();
        LoginKey = LoginKeyOf(login);
        PasswordHash = passwordHash;
        Activated = true;
        Verified = true;
        CreatedAt = createdAt;
        ApplyProfile(profile);
    }

    public long Id { get; private set; }

    public long DealerId { get; private set; }

    /// <summary>The master user's id for a sub-user; null for a master user.</summary>
    public long? MasterId { get; private set; }

    public string Login { get; private set; }

    /// <summary>The login folded for comparison; unique across the platform.</summary>
    public string LoginKey { get; private set; }

    /// <summary>A PBKDF2 hash, or <see cref="PendingPasswordHash"/> while <see cref="PendingPassword"/> holds the password.</summary>
    public string PasswordHash { get; private set; }

    public bool Activated { get; private set; }

    public bool Verified { get; private set; }

    public LegalType LegalType { get; private set; }

    public string FirstName { get; private set; }

    public string MiddleName { get; private set; }

    public string LastName { get; private set; }

    public string LegalName { get; private set; }

    public string Phone { get; private set; }

    public string PostCountry { get; private set; }

    public string PostRegion { get; private set; }

    public string PostCity { get; private set; }

    public string PostStreetAddress { get; private set; }

    public string PostIndex { get; private set; }

    public string Locale { get; private set; }

    public string TimeZone { get; private set; }

    public string Comment { get; private set; }

    public bool Demo { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Stored mode of the account's own MFA setting: null when it follows the dealer default.</summary>
    public bool? MfaAllowed { get; private set; }

    public MfaFactorTypes MfaFactorTypes { get; private set; }

    /// <summary>Last change of the MFA columns; set-based updates set it too.</summary>
    public DateTime? MfaUpdatedAt { get; private set; }

    /// <summary>The latest "turned off" notice batch that concerns this master user (see <c>NotificationBatch</c>).</summary>
    public long? MfaOffNoticeBatchId { get; private set; }

    /// <summary>The latest "turned on" notice batch that concerns this master user.</summary>
    public long? MfaOnNoticeBatchId { get; private set; }

    /// <summary>
    /// An imported password sealed with the server key (AES-GCM), until the background hashing or the user's own
    /// sign-in replaces it with a hash; null otherwise (docs/decisions.md, "Imported passwords").
    /// </summary>
    public byte[]? PendingPassword { get; private set; }

    public bool IsMaster => MasterId is null;

    /// <summary>The account's own MFA setting, or null when the dealer default applies.</summary>
    public MfaSettings? OwnMfaSettings => MfaSettings.FromStorage(MfaAllowed, MfaFactorTypes);

    /// <summary>What <see cref="PasswordHash"/> holds while the password is pending: no hasher accepts it.</summary>
    public const string PendingPasswordHash = "pending";

    /// <summary>Logins are unique regardless of letter case.</summary>
    public static string LoginKeyOf(string login) => login.Trim().ToLowerInvariant();

    public static User CreateMaster(
        long dealerId,
        string login,
        string passwordHash,
        UserProfile profile,
        string locale,
        string timeZone,
        string? comment,
        bool demo,
        MfaSettings? ownMfaSettings,
        DateTime createdAt)
    {
        var user = new User(dealerId, null, login, passwordHash, profile, createdAt)
        {
            Locale = locale ?? string.Empty,
            TimeZone = timeZone ?? string.Empty,
            Comment = comment ?? string.Empty,
            Demo = demo,
        };
        if (ownMfaSettings is not null)
        {
            user.SetOwnMfa(ownMfaSettings, createdAt);
        }

        return user;
    }

    /// <summary>Creates a sub-user of this master's account; it has no MFA setting of its own.</summary>
    public User CreateSubUser(string login, string passwordHash, string firstName, string lastName, DateTime createdAt)
    {
        if (!IsMaster)
        {
            throw new InvalidOperationException("Only a master user can own sub-users.");
        }

        return new User(DealerId, Id, login, passwordHash, new UserProfile { FirstName = firstName, LastName = lastName }, createdAt)
        {
            Locale = Locale,
            TimeZone = TimeZone,
        };
    }

    public void SetOwnMfa(MfaSettings settings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsMaster)
        {
            throw new InvalidOperationException("A sub-user shares its account's MFA setting and has none of its own.");
        }

        MfaAllowed = settings.IsAllowed;
        MfaFactorTypes = settings.FactorTypes;
        MfaUpdatedAt = now;
    }

    /// <summary>Keeps the password sealed until it is hashed in the background; see <see cref="PendingPassword"/>.</summary>
    public void HoldPendingPassword(byte[] sealedPassword)
    {
        ArgumentNullException.ThrowIfNull(sealedPassword);
        PendingPassword = sealedPassword;
        PasswordHash = PendingPasswordHash;
    }

    public void Deactivate() => Activated = false;

    private void ApplyProfile(UserProfile profile)
    {
        LegalType = profile.LegalType;
        FirstName = profile.FirstName;
        MiddleName = profile.MiddleName;
        LastName = profile.LastName;
        LegalName = profile.LegalName;
        Phone = profile.Phone;
        PostCountry = profile.PostCountry;
        PostRegion = profile.PostRegion;
        PostCity = profile.PostCity;
        PostStreetAddress = profile.PostStreetAddress;
        PostIndex = profile.PostIndex;
    }
}
