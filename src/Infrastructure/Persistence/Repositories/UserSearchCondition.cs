using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Infrastructure.Persistence.Repositories;

/// <summary>
/// The exact condition of <c>panel/user/list</c>'s <c>filter</c>: the id, or a substring of the login key, of a name
/// column lowered by the database, or of the phone. The search index only narrows; this decides
/// (<c>docs/decisions.md</c>, "User search").
/// </summary>
internal static class UserSearchCondition
{
    /// <param name="id">The filter read as an id, if it is one.</param>
    /// <param name="text">The filter trimmed and lower-cased by .NET.</param>
    /// <param name="asTheDatabase">
    /// The filter lower-cased as the database lowers, when that differs from <paramref name="text"/> (SQLite folds
    /// ASCII only): the name columns are compared with both, so a name is found by its own spelling.
    /// </param>
    public static Expression<Func<User, bool>> Matches(long? id, string text, string? asTheDatabase)
    {
        // Login first: when most users match, the rest of each row's tests are skipped.
        Expression<Func<User, bool>> idOrLogin = u => u.Id == id || u.LoginKey.Contains(text);
        Expression<Func<User, bool>> phone = u => u.Phone.Contains(text);
        var names = asTheDatabase is null ? NamesContain(text) : Either(NamesContain(text), NamesContain(asTheDatabase));
        return Either(Either(idOrLogin, names), phone);
    }

    private static Expression<Func<User, bool>> NamesContain(string lowered) =>
        u => u.FirstName.ToLower().Contains(lowered) || u.MiddleName.ToLower().Contains(lowered)
            || u.LastName.ToLower().Contains(lowered) || u.LegalName.ToLower().Contains(lowered);

    private static Expression<Func<User, bool>> Either(Expression<Func<User, bool>> first, Expression<Func<User, bool>> second) =>
        Expression.Lambda<Func<User, bool>>(
            Expression.OrElse(first.Body, ReplacingExpressionVisitor.Replace(second.Parameters[0], first.Parameters[0], second.Body)),
            first.Parameters[0]);
}
