namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A request acting for one dealer's panel session; the request log names the dealer.</summary>
public interface IDealerScoped
{
    long DealerId { get; }
}
