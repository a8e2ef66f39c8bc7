using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    /// <summary>The filter of the master users' indexes: what every query of a dealer's users says.</summary>
    public const string MastersOnly = "master_id IS NULL";

    /// <summary>The filter of the sub-users' index.</summary>
    public const string SubUsersOnly = "master_id IS NOT NULL";

    private const int PendingPasswordMaxLength = Security.PasswordSeal.SealedLength;

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Login).HasMaxLength(254);
        builder.Property(u => u.LoginKey).HasMaxLength(254);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.PendingPassword).HasMaxLength(PendingPasswordMaxLength);
        builder.Property(u => u.LegalType).HasConversion<int>();
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.MiddleName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.LegalName).HasMaxLength(200);
        builder.Property(u => u.Phone).HasMaxLength(20);
        builder.Property(u => u.PostCountry).HasMaxLength(100);
        builder.Property(u => u.PostRegion).HasMaxLength(100);
        builder.Property(u => u.PostCity).HasMaxLength(100);
        builder.Property(u => u.PostStreetAddress).HasMaxLength(200);
        builder.Property(u => u.PostIndex).HasMaxLength(20);
        builder.Property(u => u.Locale).HasMaxLength(20);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.Comment).HasMaxLength(255);
        builder.Property(u => u.MfaFactorTypes).HasConversion<int>();

        builder.HasIndex(u => u.LoginKey).IsUnique();
        // "Every master user of a dealer" in each order of user/list, ties broken by id; partial, so PostgreSQL pages
        // along them (docs/decisions.md, "User search"). The substring index is the provider's (UserSearchIndex).
        builder.HasIndex(u => new { u.DealerId, u.Id }).HasDatabaseName("IX_users_masters_id").HasFilter(MastersOnly);
        builder.HasIndex(u => new { u.DealerId, u.LoginKey, u.Id }).HasDatabaseName("IX_users_masters_login_key").HasFilter(MastersOnly);
        builder.HasIndex(u => new { u.DealerId, u.LastName, u.Id }).HasDatabaseName("IX_users_masters_last_name").HasFilter(MastersOnly);
        // A master's sub-users; partial, so no planner takes it for "master_id IS NULL" (same section).
        builder.HasIndex(u => u.MasterId).HasFilter(SubUsersOnly);
        // The background hashing finds pending passwords without reading every user.
        builder.HasIndex(u => u.Id).HasDatabaseName("IX_users_pending_password").HasFilter("pending_password IS NOT NULL");

        builder.HasOne<Dealer>().WithMany().HasForeignKey(u => u.DealerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.MasterId).OnDelete(DeleteBehavior.Restrict);

        builder.Ignore(u => u.OwnMfaSettings);
        builder.Ignore(u => u.IsMaster);
    }
}
