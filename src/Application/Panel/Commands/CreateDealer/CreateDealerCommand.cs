using MediatR;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Dealers;

namespace Navixy.Panel.Application.Panel.Commands.CreateDealer;

/// <summary>Management command <c>dealer create --name N</c>: returns the new dealer's id.</summary>
public sealed record CreateDealerCommand(string? Name) : IRequest<long>;

public sealed class CreateDealerCommandHandler(IDealerRepository dealers, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<CreateDealerCommand, long>
{
    public async Task<long> Handle(CreateDealerCommand request, CancellationToken cancellationToken)
    {
        var dealer = new Dealer(request.Name!, clock.GetUtcNow().UtcDateTime);
        dealers.Add(dealer);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return dealer.Id;
    }
}
