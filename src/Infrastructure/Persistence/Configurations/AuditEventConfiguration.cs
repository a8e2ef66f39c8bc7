using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(AuditActions.MaxLength);
        builder.Property(e => e.ActorType).HasConversion<int>();
        builder.Property(e => e.ActorLogin).HasMaxLength(AuditActor.MaxLoginLength);
        builder.Property(e => e.Ip).HasMaxLength(AuditEvent.MaxIpLength);
        builder.Property(e => e.TargetType).HasConversion<int?>();
        builder.Property(e => e.TargetIds).HasMaxLength(2200); // 100 ids of up to 19 digits, comma-separated
        builder.Property(e => e.BeforeMfaFactorTypes).HasConversion<int>();
        builder.Property(e => e.AfterMfaFactorTypes).HasConversion<int>();
        builder.Ignore(e => e.Actor);
        builder.Ignore(e => e.Target);
        builder.Ignore(e => e.Before);
        builder.Ignore(e => e.After);
        builder.HasMany(e => e.Users).WithOne().HasForeignKey(u => u.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Users).HasField("_users");

        builder.HasIndex(e => new { e.DealerId, e.Id }); // a dealer's log, newest first
        builder.HasIndex(e => e.OccurredAt); // retention's range over the time alone
    }
}
