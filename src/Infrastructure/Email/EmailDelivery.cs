namespace Navixy.Panel.Infrastructure.Email;

/// <summary><c>Email:Delivery</c>: how mail leaves the service.</summary>
public enum EmailDelivery
{
    Pickup,
    Smtp,
}
