using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Security;

namespace Navixy.Panel.Application.UserAuth;

/// <summary>
/// The per-account limits of the second factor, over all of a user's second-factor sessions and every API instance
/// (the state is in the database): <see cref="SecondFactorEvent.WrongCodes"/> wrong codes, then 105 on
/// <c>user/auth</c> and <c>code/verify</c> until the window passes; <see cref="SecondFactorEvent.CodeMails"/> code
/// mails, then 15 (HTTP 429) with <c>Retry-After</c>. Per account, so opening more sessions gives no more guesses
/// or mails; see <c>docs/decisions.md</c>, "Per-account second-factor limits".
/// </summary>
public sealed class SecondFactorLimits(ISecondFactorEventRepository events, TimeProvider clock)
{
    /// <summary>105 while the user's recent wrong codes are at the limit.</summary>
    public async Task ThrowIfLockedAsync(long userId, CancellationToken cancellationToken)
    {
        var limit = SecondFactorEvent.WrongCodes;
        var wrong = await events.TimesSinceAsync(userId, SecondFactorEventKind.CodeChecked, Now - limit.Window, cancellationToken);
        if (wrong.Count >= limit.Count)
        {
            throw new NavixyException(ErrorCode.LoginAttemptsExceeded);
        }
    }

    /// <summary>
    /// Counts a code check as wrong before the code is compared, so parallel guesses cannot pass one count; 105 when
    /// the limit is reached. Release it when the check turns out not to be a wrong code.
    /// </summary>
    public async Task<SecondFactorReservation> ReserveCodeCheckAsync(long userId, CancellationToken cancellationToken) =>
        await events.TryRecordAsync(userId, SecondFactorEventKind.CodeChecked, Now, cancellationToken) is { } id
            ? new SecondFactorReservation(id)
            : throw new NavixyException(ErrorCode.LoginAttemptsExceeded);

    /// <summary>Counts a code mail before it is sent; 15 with the wait until one fits again when a cap is reached.</summary>
    public async Task<SecondFactorReservation> ReserveMailAsync(long userId, CancellationToken cancellationToken)
    {
        var now = Now;
        if (await events.TryRecordAsync(userId, SecondFactorEventKind.CodeMailed, now, cancellationToken) is { } id)
        {
            return new SecondFactorReservation(id);
        }

        var caps = SecondFactorEvent.CodeMails;
        var sent = await events.TimesSinceAsync(userId, SecondFactorEventKind.CodeMailed, now - caps.Max(c => c.Window), cancellationToken);
        throw new NavixyException(ErrorCode.TooManyRequests, "Too many codes sent for this login, try again later")
        {
            RetryAfter = caps.Max(c => c.FreeAt(sent, now)) - now,
        };
    }

    /// <summary>Withdraws a reservation that does not count: a right code, a check without a usable code, a mail not sent.</summary>
    public Task ReleaseAsync(SecondFactorReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);

        // Without the request's token: a client that goes away must not leave a right code counted as wrong.
        return events.RemoveAsync(reservation.EventId, CancellationToken.None);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
