using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Schema;

/// <summary>The hand-written migrations and the EF model agree (there is no EF snapshot to check it).</summary>
[Trait("Engine", "Both")]
public sealed class SchemaTests
{
    [Fact]
    public async Task Every_entity_set_opens_on_a_migrated_database()
    {
        var databases = await TestDatabases.CreateAsync();
        await using var db = databases.OpenPsa();
        var open = typeof(SchemaTests).GetMethod(nameof(Open), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var types = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType).ToList();
        types.Count.ShouldBeGreaterThan(20);
        foreach (var type in types) open.MakeGenericMethod(type).Invoke(null, [db]);
    }

    private static void Open<T>(PsaDb db) where T : class => db.Set<T>().Take(1).ToList();

    /// <summary>Tables, columns (type and nullability) and indexes of the migrated schema equal those EF creates from the model.</summary>
    [Fact]
    public void The_migrations_create_exactly_the_schema_of_the_model()
    {
        var folder = Path.Combine(Path.GetTempPath(), "psabridge-tests", "schema-" + Guid.NewGuid().ToString("N"));
        var migrated = DatabaseLocation.Sqlite(Path.Combine(folder, "migrated.db"));
        var created = DatabaseLocation.Sqlite(Path.Combine(folder, "created.db"));
        using (var db = TestDatabases.OpenPsa(migrated)) SchemaMigrator.Upgrade(db);
        using (var db = TestDatabases.OpenPsa(created)) db.Database.EnsureCreated();

        var fromModel = Describe(created);
        var fromMigrations = Describe(migrated);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* still open elsewhere: the temp folder is cleaned later */ }
        fromMigrations.Except(fromModel).ShouldBeEmpty("in the migrations but not in the model");
        fromModel.Except(fromMigrations).ShouldBeEmpty("in the model but not in the migrations");
    }

    private static List<string> Describe(DatabaseLocation location)
    {
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        var rows = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || (CASE WHEN c."notnull" = 1 THEN ' not null' ELSE '' END) || (CASE WHEN c.pk > 0 THEN ' pk' ELSE '' END)
              FROM sqlite_master m JOIN pragma_table_info(m.name) c
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
            UNION ALL
            SELECT 'index ' || m.name || ' ' || group_concat(i.name, ',') FROM sqlite_master m JOIN pragma_index_info(m.name) i
             WHERE m.type = 'index' AND m.sql IS NOT NULL GROUP BY m.name
            UNION ALL
            SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || ' ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
