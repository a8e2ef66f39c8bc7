using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;

namespace Navixy.Panel.Application.Panel.Commands.SetPanelAccountPassword;

/// <summary>
/// Management command <c>account set-password --login L --password P</c>: logins are unique across dealers, so the
/// login alone names the account. Returns the account's id.
/// </summary>
public sealed record SetPanelAccountPasswordCommand(string? Login, string? Password) : IRequest<long>;

public sealed class SetPanelAccountPasswordCommandHandler(IPanelAccountRepository accounts, IUnitOfWork unitOfWork, PasswordHashing passwordHashing)
    : IRequestHandler<SetPanelAccountPasswordCommand, long>
{
    public async Task<long> Handle(SetPanelAccountPasswordCommand request, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByLoginAsync(request.Login!, cancellationToken)
            ?? throw new NavixyException(ErrorCode.NotFound, $"Panel account '{request.Login}' does not exist");
        account.ChangePasswordHash(await passwordHashing.HashAsync(request.Password!, cancellationToken));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return account.Id;
    }
}
