using FluentValidation;

namespace Navixy.Panel.Application.Users.Commands.UploadUsers;

public sealed class UploadUsersCommandValidator : AbstractValidator<UploadUsersCommand>
{
    public UploadUsersCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.File).NotNull().WithMessage("is required: send the CSV as multipart part 'file'");
    }
}
