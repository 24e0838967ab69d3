using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Notes;

public static class NoteServiceCollectionExtensions
{
    /// <summary>Coordinators' notes on units: the <c>UnitNotes</c> table, its store (also <see cref="IUnitNotes"/>) and the endpoints' service.</summary>
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddOwnedTables("Notes", NoteTables.All);
        services.AddSingleton<UnitNoteStore>();
        services.AddSingleton<IUnitNotes>(sp => sp.GetRequiredService<UnitNoteStore>());
        services.AddSingleton<UnitNoteService>();
        return services;
    }
}
