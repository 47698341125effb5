using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Infrastructure;

/// <summary>
/// The one error shape: every failure is a ProblemDetails; bad input is a 400 whose <c>errors</c>
/// name each field (as its JSON path) with a message that quotes the value at fault.
/// </summary>
internal sealed partial class ProblemDetailsHandler(IProblemDetailsService problems, ILogger<ProblemDetailsHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationFailedException v => Validation(v.Errors),
            BadHttpRequestException { InnerException: JsonException json } => Validation([FromJson(json)]),
            BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } m =>
                Validation([new FieldError(JsonNamingPolicy.CamelCase.ConvertName(m.Groups["name"].Value), $"'{m.Groups["value"].Value}' is not a valid {m.Groups["type"].Value.Trim('?')}.")]),
            BadHttpRequestException bad when bad.Message.Contains("Required parameter", StringComparison.Ordinal) =>
                Validation([new FieldError(RequiredName().Match(bad.Message).Groups["name"].Value is { Length: > 0 } n ? n : "body", bad.Message)]),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            NotFoundException nf => new ProblemDetails { Status = 404, Title = $"{nf.Entity} not found", Detail = nf.Message },
            ConflictException c => new ProblemDetails { Status = 409, Title = "Conflict", Detail = c.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = "Not allowed", Detail = f.Message },
            _ when DatabaseUnavailable.Is(exception) => new ProblemDetails
            {
                Status = 503, Title = "Database unavailable",
                Detail = $"The database cannot be reached just now. Try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
            },
            _ => new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The request failed; the server log has the details." },
        };
        if (problem.Status == 503)
        {
            log.LogWarning(exception, "Database unavailable on {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (problem.Status == 500) log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ValidationProblemDetails Validation(IEnumerable<FieldError> errors) =>
        new(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = 400,
            Title = "One or more fields are invalid.",
        };

    private static FieldError FromJson(JsonException json)
    {
        var field = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        if (field.Length == 0) field = "body";
        var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"'{field}' is not a known field."
            : json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? $"'{field}' has a value of the wrong type."
                : $"The body is not valid JSON at '{field}': {json.Message}";
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal) && UnmappedName().Match(json.Message) is { Success: true } m)
        {
            var name = m.Groups["name"].Value;
            if (field == "body") field = name;
            else if (field != name && !field.EndsWith("." + name, StringComparison.Ordinal)) field = field + "." + name;
            message = $"'{m.Groups["name"].Value}' is not a known field.";
        }
        return new FieldError(field, message);
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>[^"]+)" from "(?<value>[^"]*)".""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "[^ ]+ (?<name>[^"]+)" was not provided""")]
    private static partial Regex RequiredName();

    [GeneratedRegex("""The JSON property '(?<name>[^']+)' could not be mapped""")]
    private static partial Regex UnmappedName();
}
