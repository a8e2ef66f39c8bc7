using System.Globalization;
using AutoMapper;
using Navixy.Panel.Application.Common;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>Entity to DTO on the read side only. <c>mfa_allowed</c> and <c>mfa_source</c> need the dealer default and are set by the query (<see cref="UserDto.WithMfa"/>).</summary>
public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserDto>()
            .ForMember(d => d.LegalType, o => o.MapFrom(s => UserModel.FormatLegalType(s.LegalType)))
            .ForMember(d => d.CreationDate, o => o.MapFrom(s => s.CreatedAt.ToString(NavixyTime.Format, CultureInfo.InvariantCulture)))
            .ForMember(d => d.MfaUpdatedAt, o => o.MapFrom(s => s.MfaUpdatedAt == null ? null : s.MfaUpdatedAt.Value.ToString(NavixyTime.Format, CultureInfo.InvariantCulture)))
            .ForMember(d => d.MfaAllowed, o => o.Ignore())
            .ForMember(d => d.MfaSource, o => o.Ignore());
    }
}
