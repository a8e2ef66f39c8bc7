using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Security;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class SecondFactorEventConfiguration : IEntityTypeConfiguration<SecondFactorEvent>
{
    public void Configure(EntityTypeBuilder<SecondFactorEvent> builder)
    {
        builder.ToTable("second_factor_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.HasIndex(e => new { e.UserId, e.Kind, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt); // housekeeping's range over the time alone
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
