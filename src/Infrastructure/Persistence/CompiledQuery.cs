using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Navixy.Panel.Infrastructure.Persistence;

/// <summary>
/// A query compiled once per model (<c>EF.CompileAsyncQuery</c>), for the hot paths: it skips the query cache's key
/// computation and the parameter extraction on every call. A compiled query is bound to the model it first ran
/// against, and each provider has its own model, so one process that talks to two providers (the test suites, a
/// future migration tool) keeps one compiled delegate per model.
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
