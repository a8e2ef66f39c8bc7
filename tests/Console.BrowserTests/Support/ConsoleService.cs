using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Management;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Console.BrowserTests.Support;

/// <summary>
/// The real service process for one fixture, on SQLite (a fresh data folder) or PostgreSQL (a fresh database), with
/// a Panel API client for arranging data the way a dealer's script would.
/// </summary>
public sealed class ConsoleService : IAsyncDisposable
{
    public const string AdminPassword = "Admin-Passw0rd";
    public const string UserPassword = "User-Passw0rd";

    private readonly ApiProcess _process;
    private readonly HttpClient _client;
    private readonly string? _postgresServer;
    private readonly string? _database;

    private ConsoleService(ApiProcess process, string dataDirectory, string[] configuration, string? postgresServer, string? database)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Configuration = configuration;
        _postgresServer = postgresServer;
        _database = database;
        _client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress => _process.BaseAddress;

    public string DataDirectory { get; }

    public string MailFolder => Path.Combine(DataDirectory, "mail");

    /// <summary>The configuration arguments of the process, for management commands on the same database.</summary>
    public string[] Configuration { get; }

    public string AdminHash { get; private set; } = string.Empty;

    /// <summary>Starts the service; <paramref name="settings"/> are further configuration arguments (<c>--Key=Value</c>).</summary>
    public static async Task<ConsoleService> StartAsync(string provider, params string[] settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "navixy-console-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        string? server = null;
        string? database = null;
        List<string> configuration = [$"--Storage:DataDirectory={dataDirectory}", $"--Database:Provider={provider}", .. settings];
        if (provider == "Postgres")
        {
            server = TestProviders.Server(provider);
            database = "console_" + Guid.NewGuid().ToString("N")[..12];
            configuration.Add($"--ConnectionStrings:Panel={TestProviders.CreateDatabase(provider, server, database)}");
        }

        string[] arguments = [.. configuration, $"--Bootstrap:AdminPassword={AdminPassword}"];
        var service = new ConsoleService(await ApiProcess.StartAsync(arguments), dataDirectory, [.. configuration], server, database);
        try
        {
            service.AdminHash = (await service.CallAsync("panel/account/auth", new { login = "admin", password = AdminPassword })).GetProperty("hash").GetString()!;
        }
        catch
        {
            // The fixture never receives the service, so its tear-down cannot stop the process.
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Calls an action and returns the success body; fails the test on an error reply.</summary>
    public async Task<JsonElement> CallAsync(string action, object parameters, string? hash = null)
    {
        var reply = await TryCallAsync(action, parameters, hash);
        Assert.That(reply.GetProperty("success").GetBoolean(), Is.True, $"{action}: {reply}");
        return reply;
    }

    public async Task<JsonElement> TryCallAsync(string action, object parameters, string? hash = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/" + action) { Content = JsonContent.Create(parameters) };
        if (hash is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("NVX", hash);
        }

        using var response = await _client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public Task<JsonElement> AdminAsync(string action, object parameters) => CallAsync(action, parameters, AdminHash);

    /// <summary>Creates a master user of dealer 1 following the dealer default; returns its id.</summary>
    public async Task<long> CreateUserAsync(string login, string firstName = "Test", string lastName = "User", bool demo = false)
    {
        var reply = await AdminAsync("panel/user/create", new
        {
            user = new { login, first_name = firstName, last_name = lastName, legal_type = "individual", demo },
            password = UserPassword,
            locale = "en_US",
            time_zone = "UTC",
        });
        return reply.GetProperty("id").GetInt64();
    }

    /// <summary>Imports <paramref name="count"/> users named <c>{prefix}{n}@example.com</c> in one upload.</summary>
    public async Task UploadUsersAsync(string prefix, int count)
    {
        var csv = new StringBuilder("login;first_name;last_name;legal_type;password\n");
        for (var n = 1; n <= count; n++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{n:D3}@example.com;Bulk;User {n:D3};individual;{UserPassword}\n");
        }

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "users.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/panel/user/upload") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("NVX", AdminHash);
        using var response = await _client.SendAsync(request);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(reply.GetProperty("total").GetInt32(), Is.EqualTo(count), reply.ToString());
    }

    /// <summary>Every user of the dealer whose login or name matches, as <c>panel/user/list</c> gives them.</summary>
    public async Task<JsonElement[]> ListAsync(string filter) =>
        [.. (await AdminAsync("panel/user/list", new { filter, limit = 1000 })).GetProperty("list").EnumerateArray()];

    public async Task<bool> MfaAllowedAsync(long userId) =>
        (await AdminAsync("panel/user/read", new { user_id = userId })).GetProperty("value").GetProperty("mfa_allowed").GetBoolean();

    /// <summary>What Settings → Security does, through the API: the default, then every user.</summary>
    public async Task SetEveryoneAsync(bool allowed)
    {
        object settings = allowed ? new { type = "allowed", factor_types = new[] { "email" } } : new { type = "disallowed" };
        await AdminAsync("panel/user/mfa/settings/default/update", new { settings });
        await AdminAsync("panel/user/mfa/settings/update", new { target = new { type = "all" }, settings });
    }

    /// <summary>A panel account with the given permissions (of dealer 1 unless told), made by the operator's management command.</summary>
    public Task CreatePanelAccountAsync(string login, string password, string permissions, long dealerId = 1) =>
        ManageAsync("account", "create", "--dealer", dealerId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--login", login, "--password", password, "--permissions", permissions);

    /// <summary>A new dealer, made by the operator's management command; returns its id.</summary>
    public async Task<long> CreateDealerAsync(string name) => long.Parse(await ManageAsync("dealer", "create", "--name", name), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Blocks a dealer in the database, as an operator's tool would: nothing in the service blocks one yet.</summary>
    public async Task BlockDealerAsync(long dealerId)
    {
        await using System.Data.Common.DbConnection connection = _database is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "panel.db")};Pooling=False")
            : new Npgsql.NpgsqlConnection(Configuration.Single(c => c.StartsWith("--ConnectionStrings:Panel=", StringComparison.Ordinal)).Split('=', 2)[1]);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE dealers SET blocked = TRUE WHERE id = {dealerId}";
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    private async Task<string> ManageAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ManagementCommand.RunAsync([.. arguments, .. Configuration], output, error);
        Assert.That(exit, Is.Zero, error.ToString());
        return output.ToString().Trim();
    }

    /// <summary>Waits for the next code mailed to the login (after <paramref name="known"/> earlier ones).</summary>
    public async Task<string> NextCodeAsync(string login, int known = 0)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var codes = Mailbox.CodesFor(MailFolder, login);
            if (codes.Length > known)
            {
                return codes[^1];
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no code was mailed to {login}");
        return string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _process.Dispose();
        if (_postgresServer is not null && _database is not null)
        {
            TestProviders.DropDatabase("Postgres", _postgresServer, _database);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process: the temporary folder is left behind.
        }

        await Task.CompletedTask;
    }
}
