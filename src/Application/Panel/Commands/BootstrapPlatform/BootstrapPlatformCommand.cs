using Navixy.Panel.Application.Common.Security;
using System.Security.Cryptography;
using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;

/// <summary>
/// First start on an empty database: creates the first dealer and the panel account <c>admin</c> with every
/// permission. Returns the generated password when none was configured (to be shown once), else null; an
/// <see cref="InvalidSettingException"/> when the configured one is unusable (<see cref="BootstrapOptions"/>).
/// Does nothing when a dealer already exists (one created by a management command before the first start, say);
/// <see cref="BootstrapOutcome.NoPanelAccount"/> then says whether anyone can sign in to the console at all.
/// </summary>
public sealed record BootstrapPlatformCommand(string? AdminPassword) : IRequest<BootstrapOutcome>;

public sealed record BootstrapOutcome(bool Created, string? GeneratedPassword, bool NoPanelAccount = false);

public sealed class BootstrapPlatformCommandHandler(
    IDealerRepository dealers,
    IPanelAccountRepository accounts,
    IUnitOfWork unitOfWork,
    PasswordHashing passwordHashing,
    TimeProvider clock) : IRequestHandler<BootstrapPlatformCommand, BootstrapOutcome>
{
    public const string AdminLogin = "admin";

    public async Task<BootstrapOutcome> Handle(BootstrapPlatformCommand request, CancellationToken cancellationToken)
    {
        if (await dealers.AnyAsync(cancellationToken))
        {
            return new BootstrapOutcome(false, null, NoPanelAccount: !await accounts.AnyAsync(cancellationToken));
        }

        if (!string.IsNullOrEmpty(request.AdminPassword) && !BootstrapOptions.IsUsable(request.AdminPassword))
        {
            throw new InvalidSettingException(BootstrapOptions.Unusable);
        }

        var generated = string.IsNullOrEmpty(request.AdminPassword) ? GeneratePassword() : null;
        // Hashed before the transaction, so the database's write lock is not held for it.
        var passwordHash = await passwordHashing.HashAsync(request.AdminPassword ?? generated!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var dealer = new Dealer("Default dealer", now);
            dealers.Add(dealer);
            await unitOfWork.SaveChangesAsync(ct);
            accounts.Add(new PanelAccount(dealer.Id, AdminLogin, passwordHash, PanelPermissions.All, now));
            return true;
        }, cancellationToken);
        return new BootstrapOutcome(true, generated);
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
