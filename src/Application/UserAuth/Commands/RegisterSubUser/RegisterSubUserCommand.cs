using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

/// <summary><c>subuser/register</c>: a master user adds a sub-user to its account; it shares the account's MFA setting.</summary>
public sealed record RegisterSubUserCommand(long SessionUserId, SubUserModel? User, string? Password) : IRequest<long>;

public sealed class RegisterSubUserCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, PasswordHashing passwordHashing, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RegisterSubUserCommand, long>
{
    public async Task<long> Handle(RegisterSubUserCommand request, CancellationToken cancellationToken)
    {
        var master = await users.FindAsync(request.SessionUserId, cancellationToken) ?? throw new NavixyException(ErrorCode.SessionNotFound);
        if (!master.IsMaster)
        {
            throw new NavixyException(ErrorCode.OperationNotPermitted);
        }

        var model = request.User!;
        if (await users.LoginExistsAsync(model.Login!, cancellationToken))
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        var passwordHash = await passwordHashing.HashAsync(request.Password!, cancellationToken);
        try
        {
            // As for panel/user/create: the event names the new id, and the transaction keeps the two together.
            return await unitOfWork.InTransactionAsync(async ct =>
            {
                var subUser = master.CreateSubUser(model.Login!, passwordHash, model.FirstName!.Trim(), model.LastName!.Trim(), clock.GetUtcNow().UtcDateTime);
                users.Add(subUser);
                await unitOfWork.SaveChangesAsync(ct);
                audit.Record(AuditActions.SubUserRegister, master.DealerId, AuditTarget.User(subUser.Id), actor: AuditActor.ForUser(master));
                return subUser.Id;
            }, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }
    }
}
