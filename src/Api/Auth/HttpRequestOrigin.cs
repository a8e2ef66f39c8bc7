using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Api.Auth;

/// <summary>
/// The security log's view of the current request: the panel account of its session, and the client address as
/// the forwarded-headers middleware left it (a proxy's <c>X-Forwarded-For</c> only from a trusted proxy, see
/// <see cref="Protocol.TrustedProxies"/>).
/// </summary>
public sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public AuditActor Actor =>
        accessor.HttpContext is { } context && PanelAuthenticationHandler.TryGetSession(context) is { } session
            ? AuditActor.PanelAccount(session.AccountId, session.AccountLogin)
            : AuditActor.System;

    public string? ClientIp => accessor.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;
}
