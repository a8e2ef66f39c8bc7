using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Navixy.Panel.Domain.Mfa;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

/// <summary>
/// The domain's MFA rules (<see cref="MfaSettings.FromStorage"/>, <see cref="MfaSettings.Effective"/>,
/// <see cref="MfaSettings.EnforcedAtSignIn"/>) as SQL conditions on a master user's columns, for a dealer default known
/// before the query: set-based filters and counts that never load a user. <c>UserProvenanceTests</c> compare them with
/// the domain rules on every provider.
/// </summary>
internal static class MfaPredicates
{
    /// <summary>Sign-in asks the user for a code: not a demo user, and its own setting (else the default) allows.</summary>
    public static Expression<Func<User, bool>> EnforcedAtSignIn(MfaSettings? dealerDefault) => EnforcedAtSignIn(dealerDefault?.IsAllowed == true);

    /// <inheritdoc cref="EnforcedAtSignIn(MfaSettings?)"/>
    public static Expression<Func<User, bool>> EnforcedAtSignIn(bool defaultAllows) =>
        // An own "allowed" without a factor type reads as disallowed (FromStorage).
        u => !u.Demo
            && ((u.MfaAllowed == null && defaultAllows) || (u.MfaAllowed == true && u.MfaFactorTypes != MfaFactorTypes.None));

    /// <summary>Sign-in asks the user for no code although it is no demo user: a change to "allowed" starts asking.</summary>
    public static Expression<Func<User, bool>> NotEnforcedForNonDemo(bool defaultAllows)
    {
        var enforced = EnforcedAtSignIn(defaultAllows);
        var user = enforced.Parameters[0];
        return Expression.Lambda<Func<User, bool>>(
            Expression.AndAlso(Expression.Not(Expression.Property(user, nameof(User.Demo))), Expression.Not(enforced.Body)), user);
    }

    /// <summary>The value of one notice column in an UPDATE: <paramref name="batchId"/> where <paramref name="condition"/> holds, else the column as it is.</summary>
    public static Expression<Func<User, long?>> MarkWhere(Expression<Func<User, bool>> condition, Expression<Func<User, long?>> column, long? batchId)
    {
        Expression<Func<long?>> batch = () => batchId; // read from a closure, so EF sends it as a parameter
        var user = condition.Parameters[0];
        var kept = ReplacingExpressionVisitor.Replace(column.Parameters[0], user, column.Body);
        return Expression.Lambda<Func<User, long?>>(Expression.Condition(condition.Body, batch.Body, kept), user);
    }

    /// <summary>The user's effective setting (own, else default, else disallowed) equals <paramref name="settings"/>.</summary>
    public static Expression<Func<User, bool>> EffectiveIs(MfaSettings settings, MfaSettings? dealerDefault)
    {
        var allowed = settings.IsAllowed;
        var factorTypes = settings.FactorTypes;
        var defaultIsIt = MfaSettings.Effective(null, dealerDefault) == settings;
        return u => (u.MfaAllowed == null && defaultIsIt)
            || (allowed && u.MfaAllowed == true && u.MfaFactorTypes == factorTypes)
            || (!allowed && (u.MfaAllowed == false || (u.MfaAllowed == true && u.MfaFactorTypes == MfaFactorTypes.None)));
    }

    /// <summary>The complement, with C# null semantics (EF translates <c>!</c> so that it holds for NULL columns too).</summary>
    public static Expression<Func<User, bool>> Not(Expression<Func<User, bool>> condition) =>
        Expression.Lambda<Func<User, bool>>(Expression.Not(condition.Body), condition.Parameters);

    /// <summary>Projects a user onto what a dry run counts: its dealer, demo, and whether <paramref name="unchanged"/> holds.</summary>
    public static Expression<Func<User, ChangeRow>> AsChangeRow(Expression<Func<User, bool>> unchanged)
    {
        var user = unchanged.Parameters[0];
        return Expression.Lambda<Func<User, ChangeRow>>(
            Expression.MemberInit(
                Expression.New(typeof(ChangeRow)),
                Expression.Bind(typeof(ChangeRow).GetProperty(nameof(ChangeRow.DealerId))!, Expression.Property(user, nameof(User.DealerId))),
                Expression.Bind(typeof(ChangeRow).GetProperty(nameof(ChangeRow.Demo))!, Expression.Property(user, nameof(User.Demo))),
                Expression.Bind(typeof(ChangeRow).GetProperty(nameof(ChangeRow.Unchanged))!, unchanged.Body)),
            user);
    }

    /// <summary>One user as a dry run counts it; built by member initialisation so EF can group and count over it.</summary>
    internal sealed class ChangeRow
    {
        public long DealerId { get; init; }

        public bool Demo { get; init; }

        public bool Unchanged { get; init; }
    }
}
