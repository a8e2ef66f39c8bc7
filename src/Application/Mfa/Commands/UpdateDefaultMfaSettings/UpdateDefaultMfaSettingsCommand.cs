using FluentValidation;
using MediatR;
using Navixy.Panel.Application.Common.Caching;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Application.Mfa.Models;

namespace Navixy.Panel.Application.Mfa.Commands.UpdateDefaultMfaSettings;

/// <summary><c>panel/user/mfa/settings/default/update</c>: the dealer default for users without a setting of their own.</summary>
public sealed record UpdateDefaultMfaSettingsCommand(long DealerId, MfaSettingsModel? Settings) : IRequest<Unit>, IDealerScoped;

public sealed class UpdateDefaultMfaSettingsCommandHandler(
    IDealerRepository dealers,
    IUnitOfWork unitOfWork,
    DealerReadCache readCache)
    : IRequestHandler<UpdateDefaultMfaSettingsCommand, Unit>
{
    public async Task<Unit> Handle(UpdateDefaultMfaSettingsCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.InTransactionAsync(async ct =>
            {
                // The dealer's MFA lock, as for user settings: changes of one dealer apply one after another, and the
                // other API instances forget their cached reads of the dealer when this commits.
                if (!await dealers.BeginMfaChangeAsync(request.DealerId, ct))
                {
                    throw new NavixyException(ErrorCode.NotFound);
                }

                var dealer = await dealers.FindAsync(request.DealerId, ct) ?? throw new NavixyException(ErrorCode.NotFound);
                dealer.SetDefaultMfa(request.Settings!.ToDomain());
                return Unit.Value;
            }, cancellationToken);
        }
        finally
        {
            // After the commit, so no read on this instance can keep the state from before it.
            readCache.Forget(request.DealerId);
        }
    }
}

public sealed class UpdateDefaultMfaSettingsCommandValidator : AbstractValidator<UpdateDefaultMfaSettingsCommand>
{
    public UpdateDefaultMfaSettingsCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Settings).NotNull().WithMessage("is required").SetValidator(new MfaSettingsModelValidator()!);
    }
}
