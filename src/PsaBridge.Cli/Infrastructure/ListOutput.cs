using System.CommandLine;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using Spectre.Console;

namespace PsaBridge.Cli.Infrastructure;

/// <summary>
/// How a list command writes its rows: <c>--format table</c> shows the page asked for with its paging line (the default on
/// a terminal); <c>json</c>, <c>csv</c> (the default off a terminal) and <c>xlsx</c> export every row, read a page at a
/// time, to the terminal or to <c>--out</c>.
/// </summary>
internal sealed class ListOutput
{
    public Option<string?> Format { get; } = FormatOption();
    public Option<FileInfo?> Out { get; } = new("--out") { Description = "Write to this file instead of the terminal (needed for xlsx).", HelpName = "FILE" };
    public PagingOptions Paging { get; } = new();

    /// <summary>Adds the format options and paging to a command.</summary>
    public TCommand AddTo<TCommand>(TCommand command) where TCommand : Command
    {
        command.Options.Add(Format);
        command.Options.Add(Out);
        return Paging.AddTo(command);
    }

    public async Task WriteAsync<T>(CommandContext ctx, string noun, IReadOnlyList<ExportColumn<T>> columns, Func<PageRequest, Task<Page<T>>> read)
    {
        var file = ctx.Value(Out);
        var format = ctx.Value(Format) ?? (file is null && ctx.Console.Profile.Capabilities.Interactive ? "table" : "csv");
        if (format == "table")
        {
            if (file is not null) throw new ValidationFailedException("--out", "A table is shown on the terminal; write json, csv or xlsx to a file.");
            ctx.Console.WritePage(await read(Paging.Read(ctx)), noun, columns.Select(c => (c.Header, c.Value)).ToArray());
            return;
        }
        if (file is null && format == "xlsx") throw new ValidationFailedException("--out", "XLSX is a binary file: give --out FILE.");
        var rows = new List<T>();
        for (var number = 1; ; number++)
        {
            var page = await read(new PageRequest(number, PageRequest.MaxPageSize));
            rows.AddRange(page.Items);
            if (!page.HasNext) break;
        }
        await using (var stream = file is null ? Console.OpenStandardOutput() : file.Create())
        {
            if (format == "json") await JsonExport.WriteAsync(stream, columns, rows.ToAsyncEnumerable(), ctx.Cancellation);
            else await ExportFormats.Parse(format, "--format").WriteAsync(stream, columns, rows.ToAsyncEnumerable(), ctx.Cancellation);
        }
        if (file is not null) ctx.Console.WriteLine($"{rows.Count} {noun} written to {file.FullName}.");
    }

    private static Option<string?> FormatOption()
    {
        var format = new Option<string?>("--format")
        {
            Description = "table (one page), json, csv or xlsx (every row); default: a table on a terminal, csv otherwise.", HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        return format;
    }
}
