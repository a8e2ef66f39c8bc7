using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Navixy.Panel.Domain.Dealers;

namespace Navixy.Panel.Infrastructure.Persistence.Configurations;

internal sealed class DealerConfiguration : IEntityTypeConfiguration<Dealer>
{
    public void Configure(EntityTypeBuilder<Dealer> builder)
    {
        builder.ToTable("dealers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.DefaultMfaFactorTypes).HasConversion<int>();
        builder.Ignore(d => d.DefaultMfaSettings);

        // The default serves the rows that existed before the column (migration DealerMfaRevision); EF always writes it.
        builder.Property(d => d.MfaRevision).HasDefaultValue(0L).ValueGeneratedNever();
    }
}
