using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Scheduling;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary>The options the resource-planning commands share: which resources, and how a list is written (a table page or an export of all rows).</summary>
internal sealed class PlanningOptions
{
    public Option<Guid?> Role { get; } = new("--role") { Description = "Only resources that hold this role (its id), default or not.", HelpName = "ID" };
    public Option<Guid?> Unit { get; } = new("--unit") { Description = "Only resources of this resourcing unit (its id).", HelpName = "ID" };
    public Option<Guid?> Skill { get; } = new("--skill") { Description = "Only resources with this characteristic (its id).", HelpName = "ID" };
    public Option<string?> Search { get; } = CommonOptions.Search("name (anywhere)");

    public Option<string?> Format { get; } = FormatOption();
    public Option<FileInfo?> Out { get; } = new("--out") { Description = "Write to this file instead of the terminal (needed for xlsx).", HelpName = "FILE" };
    public PagingOptions Paging { get; } = new();

    /// <summary>Adds the selection options (unless left out), the format options and paging to a command.</summary>
    public Command AddTo(Command command, bool selection = true)
    {
        if (selection) foreach (var option in new Option[] { Role, Unit, Skill, Search }) command.Options.Add(option);
        command.Options.Add(Format);
        command.Options.Add(Out);
        return Paging.AddTo(command);
    }

    public ResourceSelection Selection(CommandContext ctx, Guid? resource = null) =>
        new(resource, ctx.Value(Role), ctx.Value(Unit), ctx.Value(Skill), ctx.Value(Search));

    /// <summary>
    /// A list as a table shows the page asked for with its paging line; as CSV or XLSX (the default off a terminal) it
    /// exports every row, read a page at a time.
    /// </summary>
    public async Task WriteAsync<T>(CommandContext ctx, string noun, IReadOnlyList<ExportColumn<T>> columns, Func<PageRequest, Task<Page<T>>> read)
    {
        var table = (ctx.Value(Format) ?? (ctx.Value(Out) is null && ctx.Console.Profile.Capabilities.Interactive ? "table" : "csv")) == "table";
        if (table && ctx.Value(Out) is null)
        {
            ctx.Console.WritePage(await read(Paging.Read(ctx)), noun, columns.Select(c => (c.Header, c.Value)).ToArray());
            return;
        }
        var rows = new List<T>();
        for (var number = 1; ; number++)
        {
            var page = await read(new PageRequest(number, PageRequest.MaxPageSize));
            rows.AddRange(page.Items);
            if (!page.HasNext) break;
        }
        await ReportCommands.Write(ctx, Format, Out, columns, rows);
    }

    private static Option<string?> FormatOption()
    {
        var format = new Option<string?>("--format")
        {
            Description = "table (one page), csv or xlsx (every row); default: a table on a terminal, csv otherwise.", HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx");
        return format;
    }
}
