using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Resources;

public sealed record RatingValueInput(string? Name, int? Value, bool IsDefault = false);

public sealed record RatingModelInput(string? Name, List<RatingValueInput>? Values, int? MinRatingValue = null, int? MaxRatingValue = null);

public sealed record CharacteristicInput(string? Name, CharacteristicType? CharacteristicType = null, Guid? RatingModelId = null);

/// <summary>Rating models with their ordered values, and characteristics (skills rated on a model, certifications held or not).</summary>
public sealed class SkillService(PsaDb db, TimeProvider clock)
{
    public const int MaxValues = 100;

    public async Task<RatingModel> CreateRatingModelAsync(RatingModelInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Text("name", input.Name, RatingModel.NameLength);
        var values = input.Values ?? [];
        if (values.Count == 0) rules.Add("values", "'values' is required: a rating model has at least one value.");
        if (values.Count > MaxValues) rules.Add("values", $"A rating model has at most {MaxValues} values.");
        var min = input.MinRatingValue ?? values.Where(v => v?.Value is not null).Select(v => v.Value!.Value).DefaultIfEmpty(1).Min();
        var max = input.MaxRatingValue ?? values.Where(v => v?.Value is not null).Select(v => v.Value!.Value).DefaultIfEmpty(1).Max();
        rules.Range("minRatingValue", min, RatingModel.Lowest, RatingModel.Highest).Range("maxRatingValue", max, RatingModel.Lowest, RatingModel.Highest);
        if (max < min) rules.Add("maxRatingValue", $"'maxRatingValue' {max} is below 'minRatingValue' {min}.");
        for (var i = 0; i < values.Count; i++)
        {
            var f = $"values[{i}].";
            if (values[i] is not { } value) { rules.Add($"values[{i}]", $"'values[{i}]' is empty."); continue; }
            rules.Text(f + "name", value.Name, RatingValue.NameLength).RequiredValue(f + "value", value.Value);
            if (value.Value is { } v && (v < min || v > max)) rules.Add(f + "value", $"Value {v} is outside the model's range {min} to {max}.");
            if (value.Value is { } dup && values.Take(i).Any(o => o?.Value == dup)) rules.Add(f + "value", $"Value {dup} is in the model twice.");
        }
        if (values.Count(v => v?.IsDefault == true) > 1) rules.Add("values", "At most one value is the default.");
        rules.ThrowIfAny();
        var model = new RatingModel
        {
            Id = Ids.New(), Name = input.Name!.Trim(), MinRatingValue = min, MaxRatingValue = max, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        model.Values.AddRange(values.OrderBy(v => v.Value).Select(v => new RatingValue
        {
            Id = Ids.New(), RatingModelId = model.Id, Name = v.Name!.Trim(), Value = v.Value!.Value, IsDefault = v.IsDefault,
        }));
        db.Add(model);
        await db.SaveChangesAsync(ct);
        return model;
    }

    public async Task<RatingModel> GetRatingModelAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<RatingModel>().AsNoTracking().Include(m => m.Values.OrderBy(v => v.Value)).SingleOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new NotFoundException("Rating model", id.ToString());

    public Task<Page<RatingModel>> ListRatingModelsAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<RatingModel>().AsNoTracking().Include(m => m.Values.OrderBy(v => v.Value)).AsQueryable();
        if (InputRules.Clean(search) is { } term) query = query.Where(m => m.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(m => m.Name).ThenBy(m => m.Id).ToPageAsync(page, ct);
    }

    public async Task<Characteristic> CreateCharacteristicAsync(CharacteristicInput input, CancellationToken ct = default)
    {
        var type = input.CharacteristicType ?? CharacteristicType.Skill;
        var rules = new Rules().Text("name", input.Name, Characteristic.NameLength).Defined("characteristicType", input.CharacteristicType);
        if (type == CharacteristicType.Skill) rules.RequiredId("ratingModelId", input.RatingModelId);
        if (type == CharacteristicType.Certification && input.RatingModelId is not null)
            rules.Add("ratingModelId", "A certification is held or not: it has no rating model.");
        await rules.ExistAsync<RatingModel>(db, "ratingModelId", input.RatingModelId, "Rating model", ct);
        rules.ThrowIfAny();
        var characteristic = new Characteristic
        {
            Id = Ids.New(), Name = input.Name!.Trim(), CharacteristicType = type, RatingModelId = input.RatingModelId, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(characteristic);
        await db.SaveChangesAsync(ct);
        return characteristic;
    }

    public Task<Page<Characteristic>> ListCharacteristicsAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<Characteristic>().AsNoTracking();
        if (InputRules.Clean(search) is { } term) query = query.Where(c => c.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(c => c.Name).ThenBy(c => c.Id).ToPageAsync(page, ct);
    }

    /// <summary>
    /// Checks characteristic-and-rating pairs (a resource's ratings, a requirement's minimums) under <paramref name="prefix"/>:
    /// the characteristic exists, a skill's rating is a value of the skill's own model, a certification has none.
    /// </summary>
    public async Task CheckRatingsAsync(Rules rules, string prefix, IReadOnlyList<(Guid? CharacteristicId, Guid? RatingValueId)> ratings, bool ratingRequired,
        CancellationToken ct)
    {
        var characteristicIds = ratings.Where(r => r.CharacteristicId is not null).Select(r => r.CharacteristicId!.Value).Distinct().ToList();
        var valueIds = ratings.Where(r => r.RatingValueId is not null).Select(r => r.RatingValueId!.Value).Distinct().ToList();
        var characteristics = await db.Set<Characteristic>().AsNoTracking().Where(c => characteristicIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var values = await db.Set<RatingValue>().AsNoTracking().Where(v => valueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        for (var i = 0; i < ratings.Count; i++)
        {
            var f = $"{prefix}[{i}].";
            var (characteristicId, valueId) = ratings[i];
            rules.RequiredId(f + "characteristicId", characteristicId);
            if (characteristicId is not { } cid || cid == Guid.Empty) continue;
            if (ratings.Take(i).Any(r => r.CharacteristicId == cid)) rules.Add(f + "characteristicId", $"Characteristic '{cid}' is listed twice.");
            if (!characteristics.TryGetValue(cid, out var characteristic)) { rules.Add(f + "characteristicId", $"Characteristic '{cid}' does not exist."); continue; }
            if (valueId is not { } vid)
            {
                if (ratingRequired && characteristic.RatingModelId is not null) rules.Add(f + "ratingValueId", $"'ratingValueId' is required: '{characteristic.Name}' is a rated skill.");
            }
            else if (characteristic.RatingModelId is null) rules.Add(f + "ratingValueId", $"'{characteristic.Name}' is a certification: it takes no rating.");
            else if (!values.TryGetValue(vid, out var value)) rules.Add(f + "ratingValueId", $"Rating value '{vid}' does not exist.");
            else if (value.RatingModelId != characteristic.RatingModelId)
                rules.Add(f + "ratingValueId", $"Rating value '{value.Name}' belongs to another rating model than the one '{characteristic.Name}' is rated on.");
        }
    }
}
