using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// The bulk paths write an entity's own columns and those of owned references kept in its table. Any other shape would
/// lose columns without a word, so <see cref="EntityTable{T}"/> refuses it when it is built, naming the property. These
/// models are only built, never connected to: the refusal comes from the model alone.
/// </summary>
public sealed class EntityTableTests
{
    public sealed class Parent
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Place Place { get; set; } = new();
        public List<Place> Places { get; set; } = [];
    }

    public sealed class Place
    {
        public string? City { get; set; }
        public Street? Street { get; set; }
    }

    public sealed class Street
    {
        public string? Line { get; set; }
    }

    private abstract class Model(Action<ModelBuilder> build) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder b)
        {
            b.Entity<Parent>(e => { e.Ignore(p => p.Place); e.Ignore(p => p.Places); });
            build(b);
        }
    }

    // One context type a model: EF caches a model by its context's type.
    private sealed class SameTable() : Model(b => b.Entity<Parent>().OwnsOne(p => p.Place, o => o.Ignore(x => x.Street)));
    private sealed class OwnedCollection() : Model(b => b.Entity<Parent>().OwnsMany(p => p.Places, o => o.Ignore(x => x.Street)));
    private sealed class OtherTable() : Model(b => b.Entity<Parent>().OwnsOne(p => p.Place, o => { o.Ignore(x => x.Street); o.ToTable("Places"); }));
    private sealed class Nested() : Model(b => b.Entity<Parent>().OwnsOne(p => p.Place, o => o.OwnsOne(x => x.Street)));
    private sealed class Complex() : Model(b => b.Entity<Parent>().ComplexProperty(p => p.Place, c => c.Ignore(x => x.Street)));
    private sealed class Shadow() : Model(b => b.Entity<Parent>().Property<string>("Note"));
    private sealed class NullableProvider() : Model(b => b.Entity<Parent>().Property(p => p.Name).HasConversion(v => (int?)v.Length, v => new string('x', v ?? 0)));

    [Fact]
    public void An_owned_reference_in_the_entitys_own_table_adds_its_columns()
    {
        using var db = new SameTable();
        EntityTable<Parent>.Get(db.Model).Columns.ShouldBe(["Id", "Name", "Place_City"]);
    }

    [Fact]
    public void Every_other_owned_shape_a_complex_property_a_shadow_property_and_a_converter_to_a_nullable_type_are_refused_by_name()
    {
        NotSupportedException Refusal(DbContext db)
        {
            using (db) return Should.Throw<NotSupportedException>(() => EntityTable<Parent>.Get(db.Model));
        }

        const string ownedOnly = "the bulk paths write owned references kept in the entity's own table, and no other owned types.";
        // An owned collection maps to a table of its own, so the check of the table refuses it too: the collection check is defensive.
        Refusal(new OwnedCollection()).Message.ShouldBe("Parent.Places: " + ownedOnly);
        Refusal(new OtherTable()).Message.ShouldBe("Parent.Place: " + ownedOnly);
        Refusal(new Nested()).Message.ShouldBe("Parent.Place: " + ownedOnly);
        Refusal(new Complex()).Message.ShouldBe("Parent.Place is a complex property; the bulk paths write only plain and owned ones.");
        Refusal(new Shadow()).Message.ShouldBe("Parent.Note is not a CLR property; the bulk paths read and write only those.");
        Refusal(new NullableProvider()).Message.ShouldBe("Parent.Name converts to a nullable provider type; the bulk paths write only converters to non-nullable ones.");
    }
}
