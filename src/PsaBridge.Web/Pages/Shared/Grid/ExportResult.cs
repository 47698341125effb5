using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>A list as a CSV or XLSX download, written to the response as its rows are read.</summary>
public sealed class ExportResult<T>(ExportFormat format, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, string fileName)
    : IActionResult, IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = format.ContentType();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{format.Extension()}\"";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await format.WriteAsync(http.Response.Body, columns, rows, http.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
