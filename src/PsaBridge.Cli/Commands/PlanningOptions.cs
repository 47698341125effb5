using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Cli.Commands;

/// <summary>The options the resource-planning commands share: which resources, and how a list is written (a table page or an export of all rows).</summary>
internal sealed class PlanningOptions
{
    public Option<Guid?> Role { get; } = new("--role") { Description = "Only resources that hold this role (its id), default or not.", HelpName = "ID" };
    public Option<Guid?> Unit { get; } = new("--unit") { Description = "Only resources of this resourcing unit (its id).", HelpName = "ID" };
    public Option<Guid?> Skill { get; } = new("--skill") { Description = "Only resources with this characteristic (its id).", HelpName = "ID" };
    public Option<string?> Search { get; } = CommonOptions.Search("name (anywhere)");

    public ListOutput Output { get; } = new();

    /// <summary>Adds the selection options (unless left out), the format options and paging to a command.</summary>
    public Command AddTo(Command command, bool selection = true)
    {
        if (selection) foreach (var option in new Option[] { Role, Unit, Skill, Search }) command.Options.Add(option);
        return Output.AddTo(command);
    }

    public ResourceSelection Selection(CommandContext ctx, Guid? resource = null) =>
        new(resource, ctx.Value(Role), ctx.Value(Unit), ctx.Value(Skill), ctx.Value(Search));

    /// <summary>A list as a table page, or every row exported (<see cref="ListOutput"/>).</summary>
    public Task WriteAsync<T>(CommandContext ctx, string noun, IReadOnlyList<ExportColumn<T>> columns, Func<PageRequest, Task<Page<T>>> read) =>
        Output.WriteAsync(ctx, noun, columns, read);
}
