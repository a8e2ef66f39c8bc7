using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Notifications;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class NotificationBatchConfiguration : IEntityTypeConfiguration<NotificationBatch>
{
    public void Configure(EntityTypeBuilder<NotificationBatch> builder)
    {
        builder.ToTable("notification_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasConversion<int>();
        builder.Property(b => b.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(b => b.CompletedAt); // the sender's and /health's "pending" (completed_at IS NULL)
        builder.HasOne<Dealer>().WithMany().HasForeignKey(b => b.DealerId).OnDelete(DeleteBehavior.Cascade);
    }
}
