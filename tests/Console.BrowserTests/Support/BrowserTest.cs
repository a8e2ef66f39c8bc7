using System.Text.Json;
using Microsoft.Playwright;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Console.BrowserTests.Support;

/// <summary>
/// One service process and one Chromium per fixture, a fresh browser context per test. Every screen a test reaches
/// through <see cref="ScreenAsync"/> is checked with axe-core and photographed for docs/console.
/// </summary>
public abstract class BrowserTest(string provider)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private readonly List<string> _pageProblems = [];

    protected string Provider => provider;

    protected ConsoleService Service { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    private static int _counter;

    /// <summary>A login no other test of the run uses.</summary>
    protected static string UniqueLogin(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}@example.com";

    /// <summary>Configuration arguments a fixture adds to the service's (<c>--Key=Value</c>).</summary>
    protected virtual string[] Settings => [];

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        // Waits for what the page shows get the same allowance as actions: on two shared cores a call can take seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        Service = await ConsoleService.StartAsync(provider, Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("NAVIXY_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopServiceAndBrowser()
    {
        // Each is null when the set-up stopped before it, as when a provider is skipped for want of a server.
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenPage()
    {
        _pageProblems.Clear();
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Service.BaseAddress.ToString(), ViewportSize = Desktop });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
        // A CSP refusal or a script error shows up here: the pages must run with the strict policy as served. A
        // refused API call (4xx) or a dropped connection is logged by the browser as a failed load: not a fault.
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _pageProblems.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => _pageProblems.Add(error);
    }

    [TearDown]
    public async Task ClosePage()
    {
        await _context.DisposeAsync();
        Assert.That(_pageProblems, Is.Empty, "errors in the browser console");
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    protected ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    protected ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name });

    protected ILocator Dialog(string name) => Page.GetByRole(AriaRole.Dialog, new() { Name = name });

    /// <summary>Signs in to the console at / as a panel account and waits for the Users screen.</summary>
    protected async Task SignInToConsoleAsync(string login = "admin", string password = ConsoleService.AdminPassword)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Login").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync(password);
        await Button("Sign in").ClickAsync();
        await Expect(Heading("Users")).ToBeVisibleAsync();
    }

    /// <summary>Searches the Users list at once (Enter), rather than after the typing pause.</summary>
    protected async Task SearchUsersAsync(string text)
    {
        var search = Page.GetByLabel("Search users");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
    }

    /// <summary>Signs in at /sign-in with login and password; returns when the next step shows.</summary>
    protected async Task EnterPasswordAsync(string login, string password = ConsoleService.UserPassword)
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("Email").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync(password);
        await Button("Sign in").ClickAsync();
    }

    /// <summary>Types a code one key at a time into the six boxes, as a person would.</summary>
    protected async Task TypeCodeAsync(string code)
    {
        await Page.GetByLabel("Digit 1 of 6").FocusAsync();
        await Page.Keyboard.TypeAsync(code);
    }

    /// <summary>The session hash the page keeps in sessionStorage.</summary>
    protected Task<string> StoredHashAsync(string key) => Page.EvaluateAsync<string>("k => sessionStorage.getItem(k)", key);

    /// <summary>
    /// The screen as it is now: no serious or critical axe-core violation; on SQLite also a screenshot at 1280×800 and
    /// 390×844 into docs/console/<paramref name="name"/>-desktop.png and -phone.png.
    /// </summary>
    protected async Task ScreenAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.Mouse.MoveAsync(0, Desktop.Height - 1);
        await Axe.AssertNoSeriousViolationsAsync(Page, name);
        if (provider != "Sqlite")
        {
            return;
        }

        var folder = Path.Combine(Repository.Root.FullName, "docs", "console");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-desktop.png") });
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-phone.png") });
        await Axe.AssertNoSeriousViolationsAsync(Page, name + " (phone)");
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    protected static string Text(JsonElement element, string property) => element.GetProperty(property).ToString();
}
