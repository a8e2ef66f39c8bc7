using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.UnitTests.TestSupport;

/// <summary>Login failures in a list, refused at the limit as the database does.</summary>
internal sealed class InMemoryLoginFailures : ILoginFailureRepository
{
    public List<(long Id, LoginScope Scope, string Login, DateTime At)> Rows { get; } = [];

    public Task<long?> TryReserveAsync(LoginScope scope, string normalizedLogin, DateTime now, CancellationToken cancellationToken)
    {
        if (Rows.Count(r => r.Scope == scope && r.Login == normalizedLogin && r.At > now - LoginFailure.Window) >= LoginFailure.Limit)
        {
            return Task.FromResult<long?>(null);
        }

        var id = Rows.Count + 1L;
        Rows.Add((id, scope, normalizedLogin, now));
        return Task.FromResult<long?>(id);
    }

    public Task RemoveAsync(long failureId, CancellationToken cancellationToken)
    {
        Rows.RemoveAll(r => r.Id == failureId);
        return Task.CompletedTask;
    }

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var old = Rows.Where(r => r.At <= cutoff).OrderBy(r => r.At).Take(batchSize).Select(r => r.Id).ToHashSet();
        return Task.FromResult(Rows.RemoveAll(r => old.Contains(r.Id)));
    }
}

/// <summary>Second-factor events in a list, refused at the limits as the database does.</summary>
internal sealed class InMemorySecondFactorEvents : ISecondFactorEventRepository
{
    private long _lastId;

    public List<(long Id, long UserId, SecondFactorEventKind Kind, DateTime At)> Rows { get; } = [];

    public int Count(SecondFactorEventKind kind) => Rows.Count(r => r.Kind == kind);

    public Task<long?> TryRecordAsync(long userId, SecondFactorEventKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var mine = Rows.Where(r => r.UserId == userId && r.Kind == kind).ToList();
        if (SecondFactorEvent.LimitsOf(kind).Any(l => mine.Count(r => r.At > now - l.Window) >= l.Count))
        {
            return Task.FromResult<long?>(null);
        }

        Rows.Add((++_lastId, userId, kind, now));
        return Task.FromResult<long?>(_lastId);
    }

    public Task RemoveAsync(long eventId, CancellationToken cancellationToken)
    {
        Rows.RemoveAll(r => r.Id == eventId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DateTime>> TimesSinceAsync(long userId, SecondFactorEventKind kind, DateTime since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DateTime>>(Rows.Where(r => r.UserId == userId && r.Kind == kind && r.At > since).Select(r => r.At).ToList());

    public Task<int> DeleteOlderThanAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var old = Rows.Where(r => r.At <= cutoff).OrderBy(r => r.At).Take(batchSize).Select(r => r.Id).ToHashSet();
        return Task.FromResult(Rows.RemoveAll(r => old.Contains(r.Id)));
    }
}
