using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.Audit;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa;
using PsaBridge.Psa.Resources;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Admin;

/// <summary>
/// The local users, for Administrators: each one's role, lockout and whether they still have a one-time password; change a
/// role, lift a lockout, remove a user after confirming; the resource each is linked to is shown. The last Administrator can
/// be neither demoted nor removed. Users are added and linked with <c>psabridge users add</c> and <c>users link</c>.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UsersModel(UserAccounts accounts, AuditTrail audit, PsaDb psa, TimeProvider clock) : GridListPage<UserSummary>(Grid)
{
    public static readonly ListGrid<UserSummary> Grid = new ListGrid<UserSummary>("users", "users")
        .KeyedBy(u => u.Id)
        .Column("email", "E-mail", u => u.Email, GridFilterKind.Text)
        .Column("role", "Role", u => u.Role, GridFilterKind.Choice, choices: [.. Roles.All.Select(r => (r, Roles.DisplayName(r)))])
        .Column("locked", "Locked out until", u => u.LockedOutUntil, sortable: false, export: u => u.LockedOutUntil?.UtcDateTime)
        .Column("onetime", "One-time password", u => u.MustChangePassword)
        .Column("resource", "Resource", u => u.ResourceId, sortable: false)
        .Extra("actions")
        .SortedBy("email");

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public ConfirmView? Confirm { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    protected override IQueryable<UserSummary> Source() => accounts.Query();

    public bool LockedOut(UserSummary user) => user.LockedOutUntil > Now;

    /// <summary>The names of the bookable resources the listed users are linked to (they live in the PSA database).</summary>
    public IReadOnlyDictionary<string, string> ResourceNames { get; private set; } = new Dictionary<string, string>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await base.OnPageHandlerExecutionAsync(context, next);
        var ids = Rows.Items.Select(u => Guid.TryParse(u.ResourceId, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count > 0)
            ResourceNames = await psa.Set<BookableResource>().Where(r => ids.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id.ToString(), r => r.Name, HttpContext.RequestAborted);
    }

    [HandlerPolicy(Policies.Administer)]
    public Task<IActionResult> OnPostSetRoleAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var user = await accounts.SetRoleAsync(Email, Role, ct);
        await audit.RecordAsync(new AuditRecord("SetUserRole", Entity, user.Id, $"{user.Email} as {user.Role}"), ct);
        return $"{user.Email} is now {Roles.DisplayName(user.Role)}.";
    });

    [HandlerPolicy(Policies.Administer)]
    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var user = await accounts.UnlockAsync(Email, ct);
        await audit.RecordAsync(new AuditRecord("UnlockUser", Entity, user.Id, user.Email), ct);
        return $"{user.Email} can sign in again.";
    });

    [HandlerPolicy(Policies.Administer)]
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            var user = await accounts.Query().FirstOrDefaultAsync(u => u.Email == Email, ct) ?? throw new NotFoundException("User", Email ?? "");
            Confirm = new ConfirmView($"Remove the user {user.Email}?", $"They can no longer sign in, and their access tokens stop working. This cannot be undone.",
                "Remove", "Remove user", [], new Dictionary<string, string> { [nameof(Email)] = user.Email });
            await OnGetAsync(ct);
            return Page();
        }
        return await ActAsync(async () =>
        {
            var user = await accounts.RemoveAsync(Email, ct);
            await audit.RecordAsync(new AuditRecord("RemoveUser", Entity, user.Id, $"{user.Email}, who was {user.Role}"), ct);
            return $"{user.Email} removed.";
        });
    }

    private const string Entity = "User";

    /// <summary>Does one change and tells what it did above the list; a refusal answers the list with its reason and changes nothing.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<string>> act)
    {
        try
        {
            Notify(await act());
            return BackToList();
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (ValidationFailedException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError("", error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await OnGetAsync(HttpContext.RequestAborted);
        return Page();
    }
}
