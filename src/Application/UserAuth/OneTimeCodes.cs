using Microsoft.Extensions.Logging;
using Navixy.Panel.Application.Audit;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Audit;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UserAuth;

/// <summary>Issues a one-time code on a second-factor session and emails it; a failed send leaves no usable code.</summary>
public sealed class OneTimeCodes(IUnitOfWork unitOfWork, ISecretTokens tokens, IEmailSender email, SecondFactorLimits limits, AuditTrail audit, TimeProvider clock, ILogger<OneTimeCodes> logger)
{
    /// <summary>
    /// Saves the new code's digest (claiming the send) with its <c>user.auth.code_sent</c> event, then sends to the
    /// user's login under the account's reserved <paramref name="mail"/>; 209 when the mail could not be handed over
    /// (the mail stays counted: it may have gone out), and the code is voided with its event.
    /// </summary>
    public async Task IssueAndSendAsync(UserSession session, User user, SecondFactorReservation mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = tokens.NewOneTimeCode();
        session.IssueCode(tokens.DigestOfOneTimeCode(code, session.Id), clock.GetUtcNow().UtcDateTime);
        audit.RecordSignIn(AuditActions.UserAuthCodeSent, user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent send of this session won: this one sends nothing.
            await limits.ReleaseAsync(mail);
            throw;
        }

        try
        {
            await email.SendAsync(Message(user.Login, code), cancellationToken);
        }
        catch (EmailDeliveryException ex)
        {
            // The reason only (the server's answer or the failure's type): the message holds the code.
            logger.LogWarning("Login code for user {UserId} not sent, so voided (209): {Reason}", session.UserId, ex.Message);
            session.VoidCode();
            audit.RecordSignIn(AuditActions.UserAuthCodeVoided, user);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            throw new NavixyException(ErrorCode.EmailSendFailed);
        }
    }

    public static EmailMessage Message(string recipient, string code) => new(
        recipient,
        "Your login code",
        $"""
        Your login code is {code}

        Enter it to finish logging in. It is valid for {(int)UserSession.CodeLifetime.TotalMinutes} minutes and can be used once.

        If you did not try to log in, ignore this message: without the code nobody can log in,
        but consider changing your password.
        """);
}
