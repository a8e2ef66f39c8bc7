using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Client;
using Navixy.Panel.Client.Models;

// Arguments: base address, the admin's password, the mail pickup folder, a new user's login.
// Runs the seed's three curl examples and an end-user sign-in with an emailed code through the generated client;
// prints one line a step and exits 1 at the first step whose reply is not the documented one.
var (address, adminPassword, pickup, login) = (args[0], args[1], args[2], args[3]);
using var http = new HttpClient();
var client = new NavixyClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = address });

var panel = await client.V2.Panel.Account.Auth.PostAsync(new PanelAuthRequest { Login = "admin", Password = adminPassword });
Check("panel/account/auth", panel?.Success == true && panel.Hash?.Length == 32);
var nvx = Nvx<DefaultQueryParameters>(panel!.Hash!);

// curl 1: -d '{ "target": { "type": "all" }, "settings": { "type": "disallowed" } }'
var update = await client.V2.Panel.User.Mfa.Settings.Update.PostAsync(
    new UpdateUserMfaSettingsRequest { Target = new MfaTarget { Type = "all" }, Settings = new MfaSettings { Type = "disallowed" } },
    nvx);
Check("panel/user/mfa/settings/update", update?.Success == true);

// curl 3: -d '{ "settings": { "type": "disallowed" } }'
var updateDefault = await client.V2.Panel.User.Mfa.Settings.Default.Update.PostAsync(
    new UpdateDefaultMfaSettingsRequest { Settings = new MfaSettings { Type = "disallowed" } }, nvx);
Check("panel/user/mfa/settings/default/update", updateDefault?.Success == true);

// curl 2: no body; the reply is {"success": true, "value": {"type": "disallowed"}}
var readDefault = await client.V2.Panel.User.Mfa.Settings.Default.Read.PostAsync(nvx);
Check("panel/user/mfa/settings/default/read", readDefault?.Success == true && readDefault.Value?.Type == "disallowed");

// An end user with MFA of its own, created in the same call, then signed in with the emailed code.
const string password = "User-Passw0rd";
var created = await client.V2.Panel.User.Create.PostAsync(
    new CreateUserRequest
    {
        User = new UserModel
        {
            Login = login,
            FirstName = "Client",
            LastName = "Check",
            LegalType = "individual",
            DealerMfaSettings = new MfaSettings { Type = "allowed", FactorTypes = [MfaSettings_factor_types.Email] },
        },
        Password = password,
        Locale = "en_US",
        TimeZone = "Europe/London",
    },
    nvx);
Check("panel/user/create", created?.Id > 0);

var read = await client.V2.Panel.User.Read.GetAsync(c => { c.Headers.Add("Authorization", $"NVX {panel.Hash}"); c.QueryParameters.UserId = created!.Id; });
Check("panel/user/read (GET)", read?.Value?.Login == login && read.Value.MfaAllowed == true && read.DealerMfaSettings?.Type == "allowed");

var auth = await client.V2.User.Auth.PostAsync(new UserAuthRequest { Login = login, Password = password });
Check("user/auth", auth?.Type == "second_factor_required" && auth.FactorType == "email");
var secondFactor = Nvx<DefaultQueryParameters>(auth!.Hash!);

var code = await CodeAsync();
try
{
    await client.V2.User.Auth.Code.Verify.PostAsync(new VerifyCodeRequest { Code = code == "000000" ? "000001" : "000000" }, secondFactor);
    Check("user/auth/code/verify (wrong code)", false);
}
catch (ResponseError error)
{
    Check("user/auth/code/verify (wrong code) 282", error.ResponseStatusCode == 400 && error.Status?.Code == 282 && error.Success == false);
}

var verified = await client.V2.User.Auth.Code.Verify.PostAsync(new VerifyCodeRequest { Code = code }, secondFactor);
Check("user/auth/code/verify", verified?.Success == true && verified.Hash?.Length == 32);

var info = await client.V2.User.Get_info.PostAsync(Nvx<DefaultQueryParameters>(verified!.Hash!));
Check("user/get_info", info?.User?.Login == login);
return 0;

async Task<string> CodeAsync()
{
    for (var attempt = 0; attempt < 100; attempt++)
    {
        if (Mailbox.CodesFor(pickup, login) is [.., var last])
        {
            return last;
        }

        await Task.Delay(100);
    }

    throw new InvalidOperationException("no code was mailed to " + login);
}

static Action<RequestConfiguration<T>> Nvx<T>(string hash) where T : class, new() =>
    configuration => configuration.Headers.Add("Authorization", $"NVX {hash}");

static void Check(string step, bool passed)
{
    Console.WriteLine($"{step}: {(passed ? "ok" : "FAILED")}");
    if (!passed)
    {
        Environment.Exit(1);
    }
}
