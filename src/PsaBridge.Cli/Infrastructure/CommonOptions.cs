using System.CommandLine;
using PsaBridge.Infrastructure.Paging;

namespace PsaBridge.Cli.Infrastructure;

/// <summary><c>--page</c> and <c>--page-size</c>, the one way every list pages (as the API's <c>page</c> and <c>pageSize</c>).</summary>
internal sealed class PagingOptions
{
    public Option<int> Page { get; } = new("--page")
    {
        Description = "Page number, from 1.",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--page must be 1 or more."); } },
    };

    public Option<int> PageSize { get; } = new("--page-size")
    {
        Description = $"Rows per page, 1 to {PageRequest.MaxPageSize}.",
        HelpName = "N",
        DefaultValueFactory = _ => PageRequest.DefaultPageSize,
        Validators =
        {
            r =>
            {
                var size = r.GetValueOrDefault<int>();
                if (size is < 1 or > PageRequest.MaxPageSize) r.AddError($"--page-size must be between 1 and {PageRequest.MaxPageSize}; it is {size}.");
            },
        },
    };

    /// <summary>Adds both options to a list command.</summary>
    public TCommand AddTo<TCommand>(TCommand command) where TCommand : Command
    {
        command.Options.Add(Page);
        command.Options.Add(PageSize);
        return command;
    }

    public PageRequest Read(CommandContext context) => new(context.Value(Page), context.Value(PageSize));
}

internal static class CommonOptions
{
    public static Option<string?> Search(string matches) => new("--search")
    {
        Description = $"Only rows whose {matches} match this text (case-insensitive).",
        HelpName = "TEXT",
    };
}

internal static class CommonArguments
{
    /// <summary>A GUID argument (a PSA account id, a log id) whose parse error says what was expected.</summary>
    public static Argument<Guid> Guid(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (System.Guid.TryParse(text, out var value)) return value;
            result.AddError($"{name} '{text}' is not a GUID (such as 0195f4c2-7d1e-7a6b-9c3d-2e4f5a6b7c8d).");
            return default;
        },
    };
}
