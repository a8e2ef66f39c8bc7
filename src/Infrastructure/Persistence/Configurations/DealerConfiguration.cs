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

        // Only the dealer lock of the providers that lock by writing the row (SQLite) counts in it, so the Domain does
        // not know it. The default serves the rows that existed before the column (migration DealerMfaRevision); EF
        // always writes it.
        builder.Property<long>(PanelDbContext.MfaRevision).HasDefaultValue(0L).ValueGeneratedNever();
    }
}
