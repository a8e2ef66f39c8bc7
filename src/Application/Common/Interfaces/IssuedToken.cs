namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A freshly issued session hash and the digest that is stored in its place.</summary>
public sealed record IssuedToken(string Hash, byte[] Digest);
