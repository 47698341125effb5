using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// Who may sign in: ASP.NET Core Identity's tables (schema version 1) with PsaBridge's six roles,
/// personal access tokens (hashes only), and the data-protection keys every node shares.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000006_Identity")]
public sealed class Identity : Migration
{
    /// <summary>The roles as they stood when this migration was written (PsaBridge.Web.Security.Roles names them since).</summary>
    internal static readonly string[] Roles = ["Administrator", "IntegrationOperator", "Finance", "ProjectManager", "TeamMember", "Viewer"];

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>(),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>(),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(),
            TwoFactorEnabled = t.Column<bool>(),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(),
            AccessFailedCount = t.Column<int>(),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = AutoIncrement(t),
            RoleId = t.Column<string>(),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = AutoIncrement(t),
            UserId = t.Column<string>(),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(),
            ProviderKey = t.Column<string>(),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>(),
            RoleId = t.Column<string>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>(),
            LoginProvider = t.Column<string>(),
            Name = t.Column<string>(),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        foreach (var role in Roles)
            m.Sql($"INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") " +
                  $"VALUES ('{role.ToLowerInvariant()}', '{role}', '{role.ToUpperInvariant()}', '{role.ToLowerInvariant()}');");

        m.CreateTable("PersonalAccessTokens", t => new
        {
            Id = t.Column<Guid>(),
            UserId = t.Column<string>(maxLength: 450),
            Name = t.Column<string>(maxLength: 100),
            TokenHash = t.Column<string>(maxLength: 64),
            Prefix = t.Column<string>(maxLength: 12),
            Role = t.Column<string>(maxLength: 50),
            CreatedAt = t.Column<DateTime>(),
            ExpiresAt = t.Column<DateTime>(),
            RevokedAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonalAccessTokens", x => x.Id);
            t.ForeignKey("FK_PersonalAccessTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PersonalAccessTokens_TokenHash", "PersonalAccessTokens", "TokenHash", unique: true);
        m.CreateIndex("IX_PersonalAccessTokens_UserId", "PersonalAccessTokens", "UserId");

        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = AutoIncrement(t),
            FriendlyName = t.Column<string>(nullable: true),
            Xml = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "DataProtectionKeys", "PersonalAccessTokens", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
                     "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles" })
            m.DropTable(table);
    }

    private static OperationBuilder<AddColumnOperation> AutoIncrement(ColumnsBuilder t) =>
        t.Column<int>().Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
