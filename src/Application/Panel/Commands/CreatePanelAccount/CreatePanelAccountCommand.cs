using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Domain.Panel;

namespace Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;

/// <summary>Management command <c>account create</c>: a panel login for a dealer with chosen permissions.</summary>
public sealed record CreatePanelAccountCommand(long DealerId, string? Login, string? Password, string? Permissions) : IRequest<long>;

public sealed class CreatePanelAccountCommandHandler(
    IDealerRepository dealers,
    IPanelAccountRepository accounts,
    IUnitOfWork unitOfWork,
    PasswordHashing passwordHashing,
    TimeProvider clock) : IRequestHandler<CreatePanelAccountCommand, long>
{
    public async Task<long> Handle(CreatePanelAccountCommand request, CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(request.DealerId, cancellationToken) is null)
        {
            throw new NavixyException(ErrorCode.NotFound, $"Dealer {request.DealerId} does not exist");
        }

        if (await accounts.LoginExistsAsync(request.Login!, cancellationToken))
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        PanelPermissions.TryParse(request.Permissions, out var permissions, out _);
        var account = new PanelAccount(request.DealerId, request.Login!, await passwordHashing.HashAsync(request.Password!, cancellationToken), permissions, clock.GetUtcNow().UtcDateTime);
        accounts.Add(account);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return account.Id;
    }
}
