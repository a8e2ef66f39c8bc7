using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>Where the request being handled comes from, for the security log; the API implements it.</summary>
public interface IRequestOrigin
{
    /// <summary>The panel account of the request's session, else <see cref="AuditActor.System"/>.</summary>
    AuditActor Actor { get; }

    /// <summary>The client's address (a proxy's <c>X-Forwarded-For</c> only when that proxy is trusted), or null outside a request.</summary>
    string? ClientIp { get; }
}
