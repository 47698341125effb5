using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Binds one row of values to a prepared SQLite statement and steps it. Text values (strings, decimals, dates) are
/// formatted as UTF-8, and GUIDs as their 16 bytes (<see cref="SqliteValues.GuidBytes"/>), into one pinned buffer and bound where they lie
/// (SQLITE_STATIC), so SQLite copies nothing; the buffer is rewritten for the next row only after the
/// step that read it. The statement must stay alive (and referenced) while the binder is used.
/// </summary>
internal sealed unsafe class SqliteRowBinder(IntPtr statement, int columns)
{
    private enum Kind : byte { Null, Integer, Real, Text, Blob }

    private const int SqliteOk = 0;

    private readonly Kind[] _kind = new Kind[columns];
    private readonly long[] _integer = new long[columns];
    private readonly double[] _real = new double[columns];
    private readonly int[] _start = new int[columns];
    private readonly int[] _length = new int[columns];
    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(4096, pinned: true);
    private int _used;

    /// <summary>Binds <paramref name="values"/> (one per column), steps the statement and resets it; returns the step's result code.</summary>
    /// <remarks>
    /// Called once a row, a million times in a bulk write that starts soon after the process does: compiled fully
    /// optimized at once (with <see cref="Format"/>), instead of running unoptimized until tiering reaches it, as a
    /// profile of approval showed it doing for part of the run.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Step(object?[] values) => StepBound(Bind(values));

    /// <summary>
    /// Binds <paramref name="values"/> (one per parameter) without stepping: for a query, stepped by its reader. The
    /// bound text stays valid until the next call, so the binder must outlive the query's steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Bind(object?[] values)
    {
        _used = 0;
        for (var i = 0; i < values.Length; i++) Format(i, values[i]);
        return BindFormatted();
    }

    /// <summary>
    /// Steps one row whose values <paramref name="encode"/> sets column by column through the typed setters
    /// (<see cref="Guid(int, System.Guid)"/>, <see cref="Text"/>, …), as <see cref="EntityTable{T}"/>'s compiled encoder
    /// does: no row array, no boxing, no type test per value. Every column must be set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Step<T>(T row, Action<T, SqliteRowBinder> encode)
    {
        _used = 0;
        encode(row, this);
        return StepBound(BindFormatted());
    }

    /// <summary>Steps and resets the statement once its values are bound (<paramref name="bound"/> the binding's result code).</summary>
    private int StepBound(int bound)
    {
        if (bound != SqliteOk) return bound;
        var step = SqliteNative.Step(statement);
        SqliteNative.Reset(statement);
        return step;
    }

    public void Null(int i) => _kind[i] = Kind.Null;

    public void Integer(int i, long value)
    {
        _kind[i] = Kind.Integer;
        _integer[i] = value;
    }

    public void Real(int i, double value)
    {
        _kind[i] = Kind.Real;
        _real[i] = value;
    }

    public void Text(int i, string? value)
    {
        if (value is null) Null(i);
        else Written(i, Encoding.UTF8.GetBytes(value, Room(Encoding.UTF8.GetMaxByteCount(value.Length))));
    }

    public void Guid(int i, Guid value) => Written(i, SqliteValues.WriteGuid(value, Room(16)), Kind.Blob);

    public void Blob(int i, byte[] value)
    {
        value.CopyTo(Room(value.Length));
        Written(i, value.Length, Kind.Blob);
    }

    public void Decimal(int i, decimal value) => Written(i, SqliteValues.WriteDecimal(value, Room(32)));

    public void DateTime(int i, DateTime value) => Written(i, SqliteValues.WriteDateTime(value, Room(27)));

    public void Date(int i, DateOnly value) => Written(i, SqliteValues.WriteDate(value, Room(10)));

    /// <summary>A value of a type the typed setters do not name: formatted as <see cref="Bind"/> formats it.</summary>
    public void Value(int i, object? value) => Format(i, value);

    private int BindFormatted()
    {
        var text = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffer));
        for (var i = 0; i < _kind.Length; i++)
        {
            var index = i + 1;
            var rc = _kind[i] switch
            {
                Kind.Null => SqliteNative.BindNull(statement, index),
                Kind.Integer => SqliteNative.BindInt64(statement, index, _integer[i]),
                Kind.Real => SqliteNative.BindDouble(statement, index, _real[i]),
                Kind.Blob => SqliteNative.BindBlob(statement, index, text + _start[i], _length[i], IntPtr.Zero),
                _ => SqliteNative.BindText(statement, index, text + _start[i], _length[i], IntPtr.Zero),
            };
            if (rc != SqliteOk) return rc;
        }
        return SqliteOk;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Format(int i, object? value)
    {
        switch (value)
        {
            case null: Null(i); break;
            case string s: Text(i, s); break;
            case Guid g: Guid(i, g); break;
            case byte[] bytes: Blob(i, bytes); break;
            case bool b: Integer(i, b ? 1 : 0); break;
            case int n: Integer(i, n); break;
            case long n: Integer(i, n); break;
            case Enum e: Integer(i, Convert.ToInt64(e, CultureInfo.InvariantCulture)); break;
            case decimal d: Decimal(i, d); break;
            case DateTime t: DateTime(i, t); break;
            case DateOnly d: Date(i, d); break;
            case double f: Real(i, f); break;
            default: Text(i, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    private void Written(int i, int length, Kind kind = Kind.Text)
    {
        _kind[i] = kind;
        _start[i] = _used;
        _length[i] = length;
        _used += length;
    }

    /// <summary>
    /// The free end of the buffer, with room for <paramref name="bytes"/> more, for the next value to be formatted into
    /// (then <see cref="Written"/>); values already formatted for this row keep their offsets.
    /// </summary>
    private Span<byte> Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_buffer.Length * 2, _used + bytes), pinned: true);
            _buffer.AsSpan(0, _used).CopyTo(larger);
            _buffer = larger;
        }
        return _buffer.AsSpan(_used);
    }
}

/// <summary>
/// Direct calls into e_sqlite3, the SQLite library SQLitePCLRaw's bundle ships and Microsoft.Data.Sqlite uses
/// (the same file, loaded once per process). The binds are short and never block, so they skip the GC transition.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(IntPtr statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindDouble(IntPtr statement, int index, double value);

    /// <summary><paramref name="destructor"/> zero is SQLITE_STATIC: the bytes stay where they are until the next bind.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindText(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    /// <summary>As <see cref="BindText"/>, for bytes.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_bind_blob"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindBlob(IntPtr statement, int index, byte* bytes, int length, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(IntPtr statement);

    // The column reads of a row the last step returned: short and never blocking, as the binds.

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ColumnType(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long ColumnInt64(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial double ColumnDouble(IntPtr statement, int index);

    /// <summary>The value as UTF-8 text (converted in place if it was a number), valid until the next step; null for NULL.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* ColumnText(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* ColumnBlob(IntPtr statement, int index);

    /// <summary>The byte length of the value as last read by <see cref="ColumnText"/> or <see cref="ColumnBlob"/>: call it after them.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ColumnBytes(IntPtr statement, int index);

    public const int Integer = 1, Float = 2, Text = 3, Blob = 4, Null = 5;
}
