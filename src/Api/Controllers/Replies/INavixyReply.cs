namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>
/// A success reply: its properties are written at the root of <c>{"success": true, ...}</c>. Actions return one
/// (never an anonymous object), so the OpenAPI document describes each reply from the type the action declares.
/// </summary>
public interface INavixyReply;
