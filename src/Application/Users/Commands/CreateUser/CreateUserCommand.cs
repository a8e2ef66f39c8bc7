using MediatR;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Users.Models;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Users.Commands.CreateUser;

/// <summary><c>panel/user/create</c>: a new master user of the dealer; returns its id.</summary>
public sealed record CreateUserCommand(long DealerId, UserModel? User, string? Password, string? Locale, string? TimeZone, string? Comment)
    : IRequest<long>, IDealerScoped;

public sealed class CreateUserCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, PasswordHashing passwordHashing, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreateUserCommand, long>
{
    public async Task<long> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var model = request.User!;
        if (await users.LoginExistsAsync(model.Login!, cancellationToken))
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        var passwordHash = await passwordHashing.HashAsync(request.Password!, cancellationToken);
        try
        {
            // The event names the new id, so the user is saved first; the transaction keeps the two together. The
            // user is built inside it: a retried unit starts from a fresh one.
            return await unitOfWork.InTransactionAsync(async ct =>
            {
                var user = NewUsers.Create(request.DealerId, model, passwordHash, request.Locale!, request.TimeZone!, request.Comment, clock.GetUtcNow().UtcDateTime);
                users.Add(user);
                await unitOfWork.SaveChangesAsync(ct);
                audit.Record(AuditActions.UserCreate, request.DealerId, AuditTarget.User(user.Id), after: user.OwnMfaSettings);
                return user.Id;
            }, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request took the login between the check and the insert.
            throw new NavixyException(ErrorCode.LoginInUse);
        }
    }
}
