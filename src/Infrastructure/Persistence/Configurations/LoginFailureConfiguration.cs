using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.ToTable("login_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Scope).HasConversion<int>();
        builder.Property(f => f.Login).HasMaxLength(254);
        builder.HasIndex(f => new { f.Scope, f.Login, f.OccurredAt });
        // For housekeeping, which removes failures past their window whatever their login.
        builder.HasIndex(f => f.OccurredAt);
    }
}
