using System.Collections;
using System.Globalization;
using PsaBridge.Infrastructure.Paging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PsaBridge.Cli.Infrastructure;

/// <summary>
/// How the CLI shows data: lists as tables with one paging line under them, single records and
/// summaries as two-column tables. Values are written as text, never as markup, so a name with
/// brackets in it prints as typed.
/// </summary>
internal static class Output
{
    public static void WritePage<T>(this IAnsiConsole console, Page<T> page, string noun, params (string Header, Func<T, object?> Value)[] columns)
    {
        if (page.Total == 0)
        {
            console.WriteLine($"No {noun}.");
            return;
        }
        if (page.Items.Count == 0)
        {
            console.WriteLine($"Page {page.PageNumber} is past the end: {page.Total} {noun} fill {page.PageCount} page(s).");
            return;
        }
        console.Write(Table(page.Items, columns));
        var first = (page.PageNumber - 1) * page.PageSize + 1;
        var last = first + page.Items.Count - 1;
        var more = page.HasNext ? $"; next: --page {page.PageNumber + 1}" : "";
        console.WriteLine($"{first}-{last} of {page.Total} {noun} (page {page.PageNumber} of {page.PageCount}{more}).");
    }

    public static Table Table<T>(IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        var items = rows.ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var numeric = items.Count > 0 && IsNumber(column.Value(items[0]));
            table.AddColumn(new TableColumn(new Text(column.Header)) { Alignment = numeric ? Justify.Right : Justify.Left });
        }
        foreach (var item in items) table.AddRow(columns.Select(c => (IRenderable)new Text(Format(c.Value(item)))));
        return table;
    }

    /// <summary>One record, or a summary: a label and a value per row.</summary>
    public static void WriteFields(this IAnsiConsole console, string title, params (string Label, object? Value)[] fields)
    {
        console.WriteLine(title);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(new Text("Field")));
        table.AddColumn(new TableColumn(new Text("Value")));
        table.HideHeaders();
        foreach (var (label, value) in fields) table.AddRow(new Text(label), new Text(Format(value)));
        console.Write(table);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString("#,##0.00", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
        TimeSpan span => Duration(span),
        bool b => b ? "yes" : "no",
        IEnumerable<string> lines => string.Join('\n', lines),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : $"{(int)span.TotalMinutes} min {span.Seconds} s";

    private static bool IsNumber(object? value) => value is int or long or decimal or double;
}

/// <summary>A progress bar that a long job moves (a sync, an import).</summary>
internal sealed class ProgressBar(ProgressTask? task)
{
    public static readonly ProgressBar None = new(null);

    /// <summary>Moves the bar to <paramref name="done"/>; a new <paramref name="total"/> when the job learns it.</summary>
    public void Report(double done, double? total = null)
    {
        if (task is null) return;
        if (total is > 0) task.MaxValue = Math.Max(total.Value, done);
        task.Value = Math.Min(done, task.MaxValue);
    }
}

internal static class ProgressExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> under a live progress bar. Output that is not a terminal (a pipe,
    /// a log file, a test) gets no bar, only the summary the command prints after.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(this IAnsiConsole console, string description, double total, Func<ProgressBar, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive) return await work(ProgressBar.None);
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                var result = await work(new ProgressBar(task));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
