using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Infrastructure.Tests.Export;

/// <summary>A row with one value of each export type, its columns, and a stream that counts what reached it without seeking.</summary>
public sealed record ExportRow(string Name, decimal? Amount, int Count, DateOnly Day, DateTime At, bool Active);

public static class ExportRows
{
    public static readonly ExportColumn<ExportRow>[] Columns =
    [
        ExportColumn<ExportRow>.Text("Name", r => r.Name),
        ExportColumn<ExportRow>.Number("Amount", r => r.Amount),
        ExportColumn<ExportRow>.Integer("Count", r => r.Count),
        ExportColumn<ExportRow>.Date("Day", r => r.Day),
        ExportColumn<ExportRow>.DateTime("At (UTC)", r => r.At),
        ExportColumn<ExportRow>.Boolean("Active", r => r.Active),
    ];

    public static readonly ExportRow[] Sample =
    [
        new("Fourth Coffee, Inc.", 1234.5m, 3, new DateOnly(2018, 2, 10), new DateTime(2018, 2, 10, 14, 30, 5, DateTimeKind.Utc), true),
        new("Say \"Hi\"\nLtd", null, -7, new DateOnly(2026, 12, 31), new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc), false),
        new("Ærøskøbing Café", 0.001m, 0, new DateOnly(2000, 1, 1), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), true),
    ];

    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}

/// <summary>An output like a response body: forward only, and synchronous writes refused.</summary>
public sealed class ForwardOnlyStream : Stream
{
    public MemoryStream Received { get; } = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Received.Length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        Received.Write(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
