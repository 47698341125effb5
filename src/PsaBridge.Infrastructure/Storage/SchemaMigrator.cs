using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Creates and upgrades a database with the hand-written migrations of its context
/// (classes with <c>[Migration("NNNN_Name")]</c> next to the context). Applied migrations are
/// recorded in <c>__EFMigrationsHistory</c>, so an upgrade runs only what is new and keeps every row.
/// </summary>
public static class SchemaMigrator
{
    public static IReadOnlyList<string> Upgrade(DbContext db, string? targetMigration = null)
    {
        var pending = db.Database.GetPendingMigrations().ToList();
        if (targetMigration is not null)
        {
            var index = pending.IndexOf(targetMigration);
            pending = index < 0 ? [] : pending.Take(index + 1).ToList();
        }
        db.GetService<IMigrator>().Migrate(targetMigration);
        return pending;
    }

    public static IReadOnlyList<string> Known(DbContext db) => db.Database.GetMigrations().ToList();

    public static IReadOnlyList<string> Applied(DbContext db) => db.Database.GetAppliedMigrations().ToList();
}
