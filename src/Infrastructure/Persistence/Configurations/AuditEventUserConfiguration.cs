using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventUserConfiguration : IEntityTypeConfiguration<AuditEventUser>
{
    public void Configure(EntityTypeBuilder<AuditEventUser> builder)
    {
        builder.ToTable("audit_event_users");
        // The key is the lookup: one user's events (and its dealer's every-user events, user 0) as one index range.
        builder.HasKey(u => new { u.DealerId, u.UserId, u.EventId });
        builder.HasIndex(u => u.EventId); // retention's cascade from audit_events
    }
}
