using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

public static class EngineExtensions
{
    public static DatabaseEngine Engine(this DatabaseFacade database) =>
        database.IsNpgsql() ? DatabaseEngine.PostgreSql : DatabaseEngine.Sqlite;
}
