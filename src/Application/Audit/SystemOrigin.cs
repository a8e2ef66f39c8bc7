using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;

namespace Navixy.Panel.Application.Audit;

/// <summary>The origin of work no request asked for: the system, from no address.</summary>
public sealed class SystemOrigin : IRequestOrigin
{
    public static SystemOrigin Instance { get; } = new();

    public AuditActor Actor => AuditActor.System;

    public string? ClientIp => null;
}
