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
    }
}
