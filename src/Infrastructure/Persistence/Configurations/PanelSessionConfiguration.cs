using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class PanelSessionConfiguration : IEntityTypeConfiguration<PanelSession>
{
    public void Configure(EntityTypeBuilder<PanelSession> builder)
    {
        builder.ToTable("panel_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TokenDigest).HasMaxLength(32);
        builder.HasIndex(s => s.TokenDigest).IsUnique();
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<PanelAccount>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
