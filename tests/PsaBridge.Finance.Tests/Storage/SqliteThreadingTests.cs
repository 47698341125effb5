using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;
using SQLitePCL;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>SQLite runs in multi-thread mode: a connection has no mutex of its own. SQLite-only: on SQLite whichever engine the run is for.</summary>
public sealed class SqliteThreadingTests
{
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_db_mutex")]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in the test project; a plain pointer in and out needs no marshalling.
    private static extern IntPtr DbMutex(IntPtr db);
#pragma warning restore SYSLIB1054

    [Fact]
    public async Task A_PsaBridge_connection_has_no_mutex_of_its_own()
    {
        SqliteThreading.MultiThread.ShouldBeTrue();
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        await using var db = pair.OpenFinance();
        await db.Database.OpenConnectionAsync();
        DbMutex(((SqliteConnection)db.Database.GetDbConnection()).Handle!.DangerousGetHandle()).ShouldBe(IntPtr.Zero);

        // The probe sees a mutex where there is one: a connection that asks for it (serialized) still gets it.
        var path = ((SqliteConnection)db.Database.GetDbConnection()).DataSource;
        raw.sqlite3_open_v2(path, out var serialized, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_FULLMUTEX, null).ShouldBe(raw.SQLITE_OK);
        using (serialized) DbMutex(serialized.DangerousGetHandle()).ShouldNotBe(IntPtr.Zero);
    }
}
