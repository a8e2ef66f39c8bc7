using System.Collections;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Navixy.Panel.Api.OpenApi;

/// <summary>
/// The types clients send: the <c>[FromNavixy]</c> parameter types of the actions and the object types inside them.
/// Their schemas list as required only what the validators require; every other type is a reply.
/// </summary>
public sealed class NavixyParameterTypes(IActionDescriptorCollectionProvider actions)
{
    private readonly Lazy<HashSet<Type>> _types = new(() => Collect(actions));

    public bool Contains(Type type) => _types.Value.Contains(type);

    private static HashSet<Type> Collect(IActionDescriptorCollectionProvider actions)
    {
        var found = new HashSet<Type>();
        var roots = actions.ActionDescriptors.Items.OfType<ControllerActionDescriptor>()
            .SelectMany(a => a.Parameters)
            .Where(p => p.BindingInfo?.BinderType is not null)
            .Select(p => p.ParameterType);
        foreach (var root in roots)
        {
            Walk(root, found);
        }

        return found;
    }

    private static void Walk(Type type, HashSet<Type> found)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type == typeof(string) || type.IsEnum || !found.Add(type))
        {
            return;
        }

        var element = type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1] : null;
        if (element is not null)
        {
            found.Remove(type);
            Walk(element, found);
            return;
        }

        foreach (var property in type.GetProperties())
        {
            Walk(property.PropertyType, found);
        }
    }
}
