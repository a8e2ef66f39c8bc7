using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Navixy.Panel.Api.Auth;
using Navixy.Panel.Api.Controllers.Replies;
using Navixy.Panel.Api.OpenApi;
using Navixy.Panel.Api.Protocol;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Application.Users.Commands.CreateUser;
using Navixy.Panel.Application.Users.Commands.UploadUsers;
using Navixy.Panel.Application.Users.Queries.ListUsers;
using Navixy.Panel.Application.Users.Queries.ReadUser;

namespace Navixy.Panel.Api.Controllers;

/// <summary>The dealer's users: <c>panel/user/*</c>.</summary>
[Route("v2/panel/user")]
public sealed class UserController(IMediator mediator) : NavixyController(mediator)
{
    /// <summary>Creates a master user of the dealer; returns its <c>id</c>. 206 when the login is in use.</summary>
    [NavixyAction("create")]
    [NavixyErrors(ErrorCode.LoginInUse)]
    [Authorize(NavixyPolicies.UsersCreate)]
    public async Task<CreatedIdReply> Create([FromNavixy] CreateUserRequest request, CancellationToken cancellationToken)
    {
        var id = await Mediator.Send(
            new CreateUserCommand(PanelSession.DealerId, request.User, request.Password, request.Locale, request.TimeZone, request.Comment),
            cancellationToken);
        return new CreatedIdReply(id);
    }

    /// <summary>A master user of the dealer as <c>value</c>, with its own <c>dealer_mfa_settings</c> (null when it follows the default).</summary>
    [NavixyAction("read")]
    [NavixyErrors(ErrorCode.NotFound)]
    [Authorize(NavixyPolicies.UsersRead)]
    public async Task<UserReadReply> Read([FromNavixy] ReadUserRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ReadUserQuery(PanelSession.DealerId, request.UserId), cancellationToken);
        return new UserReadReply(result.Value, result.DealerMfaSettings);
    }

    /// <summary>A page of the dealer's master users as <c>list</c>, and <c>count</c>, the total before paging.</summary>
    [NavixyAction("list")]
    [Authorize(NavixyPolicies.UsersRead)]
    public async Task<UserListReply> List([FromNavixy] ListUsersRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(
            new ListUsersQuery(PanelSession.DealerId, request.Filter, request.MfaAllowed, request.OrderBy, request.Ascending, request.Offset, request.Limit),
            cancellationToken);
        return new UserListReply(result.List, result.Count);
    }

    /// <summary>Imports users from a <c>;</c>-separated CSV file sent as multipart part <c>file</c>; all rows or none.</summary>
    [NavixyAction("upload")]
    [NavixyErrors(ErrorCode.LoginInUse, ErrorCode.EmptyDataFile)]
    [FileUpload]
    [Authorize(NavixyPolicies.UsersCreate)]
    public async Task<UserUploadReply> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var content = file is null ? null : await ReadAllAsync(file, cancellationToken);
        var result = await Mediator.Send(new UploadUsersCommand(PanelSession.DealerId, content), cancellationToken);
        return new UserUploadReply(result.Total, result.Errors);
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
