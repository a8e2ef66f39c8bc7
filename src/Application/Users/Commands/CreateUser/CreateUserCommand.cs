using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.Users.Commands.CreateUser;

/// <summary><c>panel/user/create</c>: a new master user of the dealer; returns its id.</summary>
public sealed record CreateUserCommand(long DealerId, UserModel? User, string? Password, string? Locale, string? TimeZone, string? Comment)
    : IRequest<long>, IDealerScoped;

public sealed class CreateUserCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, PasswordHashing passwordHashing, TimeProvider clock)
    : IRequestHandler<CreateUserCommand, long>
{
    public async Task<long> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var model = request.User!;
        if (await users.LoginExistsAsync(model.Login!, cancellationToken))
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        var user = NewUsers.Create(request.DealerId, model, await passwordHashing.HashAsync(request.Password!, cancellationToken), request.Locale!, request.TimeZone!, request.Comment, clock.GetUtcNow().UtcDateTime);
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request took the login between the check and the insert.
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        return user.Id;
    }
}
