using FluentValidation;
using MediatR;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Common.Security;
using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.UserAuth.Commands.RegisterSubUser;

/// <summary>The <c>user</c> object of <c>subuser/register</c>.</summary>
public sealed record SubUserModel([property: RequiredParameter] string? Login, [property: RequiredParameter] string? FirstName, [property: RequiredParameter] string? LastName);

/// <summary><c>subuser/register</c>: a master user adds a sub-user to its account; it shares the account's MFA setting.</summary>
public sealed record RegisterSubUserCommand(long SessionUserId, SubUserModel? User, string? Password) : IRequest<long>;

public sealed class RegisterSubUserCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, PasswordHashing passwordHashing, TimeProvider clock)
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

        var subUser = master.CreateSubUser(model.Login!, await passwordHashing.HashAsync(request.Password!, cancellationToken), model.FirstName!.Trim(), model.LastName!.Trim(), clock.GetUtcNow().UtcDateTime);
        users.Add(subUser);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new NavixyException(ErrorCode.LoginInUse);
        }

        return subUser.Id;
    }
}

public sealed class RegisterSubUserCommandValidator : AbstractValidator<RegisterSubUserCommand>
{
    public RegisterSubUserCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.User).NotNull().WithMessage("is required");
        When(c => c.User is not null, () =>
        {
            RuleFor(c => c.User!.Login).ValidLogin();
            RuleFor(c => c.User!.FirstName).NotEmpty().WithMessage("is required").MaximumLength(UserModelValidator.NameMaxLength).WithMessage("must be at most 100 characters");
            RuleFor(c => c.User!.LastName).NotEmpty().WithMessage("is required").MaximumLength(UserModelValidator.NameMaxLength).WithMessage("must be at most 100 characters");
        });
        RuleFor(c => c.Password).ValidPassword();
    }
}
