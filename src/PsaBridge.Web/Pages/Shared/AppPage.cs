using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Pages.Shared;

/// <summary>
/// The base of every page: a record asked for by a key that does not exist answers a 404 page in the
/// layout (the services throw <see cref="NotFoundException"/>; the JSON API turns the same exception into a ProblemDetails).
/// </summary>
public abstract class AppPage : PageModel
{
    /// <summary>A one-line confirmation shown at the top of the next page (after a redirect).</summary>
    protected void Notify(string message) => TempData["Notice"] = message;

    /// <summary>After an action on a list: the same list again, as it was filtered, sorted and paged.</summary>
    protected IActionResult BackToList() => Redirect(Links.WithAll(Request, ("handler", null), ("format", null)));

    /// <summary>
    /// The rows an action on a list's selection was done to, for the audit trail (a line a record); null when the request
    /// acted on no selection.
    /// </summary>
    public IReadOnlyList<Guid>? ActedOn => _actedOn;

    private List<Guid>? _actedOn;

    /// <summary>The key of the record a form created, for the audit trail: a create page's route names no record yet.</summary>
    public string? CreatedRecord { get; private set; }

    /// <summary>Names the record this post created, so its audit line says which.</summary>
    protected void Created(object key) => CreatedRecord = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Names the rows a list action was done to, when a service decided them all at once.</summary>
    protected void ActedOnEach(IEnumerable<Guid> ids) => _actedOn = ids.ToList();

    /// <summary>
    /// Acts on each selected row of a list by its id; one that cannot be acted on fails alone, and the notice gives how
    /// many were done and each refusal's reason.
    /// </summary>
    protected async Task<IActionResult> EachSelectedAsync(IEnumerable<string> selected, string noun, string done, Func<Guid, Task> act)
    {
        var ids = selected.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            Notify($"Select one or more {noun} first.");
            return BackToList();
        }
        var failures = new List<string>();
        _actedOn = [];
        foreach (var id in ids)
        {
            try
            {
                await act(id);
                _actedOn.Add(id);
            }
            catch (Exception e) when (e is ValidationFailedException or ConflictException or NotFoundException or ForbiddenException)
            {
                failures.Add(e is ValidationFailedException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message);
            }
        }
        Notify($"{ids.Count - failures.Count} of {ids.Count} {done}." + (failures.Count > 0 ? " Not done: " + string.Join(" ", failures) : ""));
        return BackToList();
    }

    /// <summary>A grid whose filters could not all be used answers 400 (the page shows which, in the columns' words).</summary>
    protected Grid.GridPage<T> Checked<T>(Grid.GridPage<T> page)
    {
        if (page.View.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is NotFoundException missing && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            context.Result = new PartialViewResult
            {
                ViewName = "_NotFound",
                StatusCode = StatusCodes.Status404NotFound,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState)
                {
                    Model = missing.Message,
                    ["Title"] = $"{missing.Entity} not found",
                },
            };
        }
        else if (context.Exception is ForbiddenException && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            context.Result = new ForbidResult();
        }
        base.OnPageHandlerExecuted(context);
    }
}

public static class FieldErrors
{
    /// <summary>
    /// Puts each of the server's field errors beside its input. The server names fields by their JSON
    /// path (<c>address1.stateOrProvince</c>); the form's input for it is <c>{prefix}.Address1.StateOrProvince</c>.
    /// An error for a field the form does not have goes to the form as a whole, so none is lost.
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix, Type form)
    {
        foreach (var error in errors)
        {
            var key = KeyFor(error.Field, prefix, form) ?? "";
            var message = InLabelWords(error, form);
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message)) continue;
            modelState.AddModelError(key, message);
        }
    }

    /// <summary>The server's message with its field name (<c>'intervalMinutes'</c>) replaced by the form's label (<c>Every (minutes)</c>).</summary>
    public static string InLabelWords(FieldError error, Type form)
    {
        var type = form;
        System.ComponentModel.DataAnnotations.DisplayAttribute? display = null;
        foreach (var segment in error.Field.Split('.'))
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return error.Message;
            display = property.GetCustomAttribute<System.ComponentModel.DataAnnotations.DisplayAttribute>();
            type = property.PropertyType;
        }
        var label = display?.GetName();
        return label is null ? error.Message : error.Message.Replace($"'{error.Field}'", label, StringComparison.Ordinal);
    }

    public static string? KeyFor(string field, string prefix, Type form)
    {
        var type = form;
        var path = new List<string>();
        foreach (var segment in field.Split('.'))
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return null;
            path.Add(property.Name);
            type = property.PropertyType;
        }
        return string.IsNullOrEmpty(prefix) ? string.Join('.', path) : $"{prefix}.{string.Join('.', path)}";
    }
}
