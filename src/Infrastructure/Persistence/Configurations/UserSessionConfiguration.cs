using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TokenDigest).HasMaxLength(32);
        builder.Property(s => s.CodeDigest).HasMaxLength(32);
        builder.Property(s => s.Kind).HasConversion<int>();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.TokenDigest).IsUnique();
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
