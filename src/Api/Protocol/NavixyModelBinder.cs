using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Navixy.Panel.Api.Protocol;

internal sealed class NavixyModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var parameters = NavixyParameters.Of(bindingContext.HttpContext);
        bindingContext.Result = ModelBindingResult.Success(ParameterBinder.Bind(parameters, bindingContext.ModelType));
        return Task.CompletedTask;
    }
}
