namespace PsaBridge.Infrastructure.Validation;

/// <summary>A field and what is wrong with it; <see cref="Field"/> is the JSON path (camelCase), e.g. <c>address1.country</c>.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Input that breaks a rule. The web host answers it with a 400 ProblemDetails naming each field; nothing is written.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public ValidationFailedException(string field, string message) : this([new FieldError(field, message)]) { }

    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>A record that was asked for by key and does not exist (404).</summary>
public sealed class NotFoundException(string entity, string key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
    public string Key { get; } = key;
}

/// <summary>A request that is well formed but cannot be done in the current state (409), e.g. a run already in progress.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A caller whose role allows the kind of work but not on this record (403), e.g. another person's time.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
