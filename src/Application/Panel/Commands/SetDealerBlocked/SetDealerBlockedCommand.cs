using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Panel.Commands.SetDealerBlocked;

/// <summary>
/// Management commands <c>dealer block --id D</c> and <c>dealer unblock --id D</c>: only the dealer's state changes;
/// its users and panel accounts are refused while it is blocked. Returns the dealer's id.
/// </summary>
public sealed record SetDealerBlockedCommand(long DealerId, bool Blocked) : IRequest<long>;

public sealed class SetDealerBlockedCommandHandler(IDealerRepository dealers, IUnitOfWork unitOfWork) : IRequestHandler<SetDealerBlockedCommand, long>
{
    public async Task<long> Handle(SetDealerBlockedCommand request, CancellationToken cancellationToken)
    {
        var dealer = await dealers.FindAsync(request.DealerId, cancellationToken)
            ?? throw new NavixyException(ErrorCode.NotFound, $"Dealer {request.DealerId} does not exist");
        if (request.Blocked)
        {
            dealer.Block();
        }
        else
        {
            dealer.Unblock();
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return dealer.Id;
    }
}
