using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class PanelAccountConfiguration : IEntityTypeConfiguration<PanelAccount>
{
    public void Configure(EntityTypeBuilder<PanelAccount> builder)
    {
        builder.ToTable("panel_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Login).HasMaxLength(254);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.PermissionGrants).HasMaxLength(1000);
        builder.HasIndex(a => a.Login).IsUnique();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Permissions);
    }
}
