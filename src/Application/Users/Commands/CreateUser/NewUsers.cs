using Navixy.Panel.Application.Users.Models;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Users.Commands.CreateUser;

/// <summary>How a dealer's new user is built, for <c>create</c> and <c>upload</c> alike.</summary>
public static class NewUsers
{
    public static User Create(long dealerId, UserModel model, string passwordHash, string locale, string timeZone, string? comment, DateTime now) =>
        Domain.Users.User.CreateMaster(
            dealerId,
            model.Login!.Trim(),
            passwordHash,
            model.ToProfile(),
            locale,
            timeZone,
            (string.IsNullOrEmpty(comment) ? model.Comment : comment)?.Trim(),
            model.Demo ?? false,
            model.DealerMfaSettings?.ToDomain(),
            now);
}
