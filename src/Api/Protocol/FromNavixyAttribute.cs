using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Navixy.Panel.Api.Protocol;

/// <summary>Binds an action's request from the merged Navixy parameters (JSON body, form or query string).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromNavixyAttribute : Attribute, IBinderTypeProviderMetadata
{
    public BindingSource BindingSource => BindingSource.Custom;

    public Type BinderType => typeof(NavixyModelBinder);
}
