namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/user/upload</c>.</summary>
/// <param name="Total">Users created.</param>
/// <param name="Errors">Rows refused; always 0, as a refused row fails the whole upload with 7 and its <c>row_number</c>.</param>
public sealed record UserUploadReply(int Total, int Errors) : INavixyReply;
