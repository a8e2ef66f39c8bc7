using Navixy.Panel.Infrastructure.Persistence;
using Npgsql;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Persistence;

public sealed class PostgresDefaultsTests
{
    [Test]
    public void A_plain_connection_string_gets_no_reset_on_close_and_auto_prepare()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresProvider.WithDefaults("Host=db;Username=panel;Password=secret;Database=panel"));

        Assert.Multiple(() =>
        {
            Assert.That(result.NoResetOnClose, Is.True);
            Assert.That(result.MaxAutoPrepare, Is.EqualTo(20));
            Assert.That(result.Host, Is.EqualTo("db"));
            Assert.That(result.Password, Is.EqualTo("secret"));
            Assert.That(result.Database, Is.EqualTo("panel"));
        });
    }

    [TestCase("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [TestCase("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    [TestCase("host=db;no reset on close=False;max auto prepare=0")]
    public void Values_the_connection_string_sets_are_kept(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresProvider.WithDefaults(connectionString));

        Assert.That(result.NoResetOnClose, Is.False);
        Assert.That(result.MaxAutoPrepare, Is.Zero);
    }
}
