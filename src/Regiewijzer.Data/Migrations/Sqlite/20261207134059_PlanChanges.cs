using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regiewijzer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_changes",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_changes", x => x.PlanId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_changes_Seq",
                table: "plan_changes",
                column: "Seq");

            // Every write of a plan or its deliveries gives the plan the next number (PlanChanges): one writer at a time in SQLite.
            const string note = """
                INSERT INTO plan_changes ("PlanId", "Seq") VALUES ({0}, (SELECT COALESCE(MAX("Seq"), 0) + 1 FROM plan_changes))
                ON CONFLICT ("PlanId") DO UPDATE SET "Seq" = excluded."Seq";
                """;
            foreach (var (table, id) in new[] { ("plans", "Id"), ("plan_deliveries", "PlanId") })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_changed_insert AFTER INSERT ON {table} BEGIN {string.Format(System.Globalization.CultureInfo.InvariantCulture, note, $"NEW.\"{id}\"")} END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_changed_update AFTER UPDATE ON {table} BEGIN {string.Format(System.Globalization.CultureInfo.InvariantCulture, note, $"NEW.\"{id}\"")} END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_changed_update_old AFTER UPDATE OF \"{id}\" ON {table} WHEN OLD.\"{id}\" <> NEW.\"{id}\" BEGIN {string.Format(System.Globalization.CultureInfo.InvariantCulture, note, $"OLD.\"{id}\"")} END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_changed_delete AFTER DELETE ON {table} BEGIN {string.Format(System.Globalization.CultureInfo.InvariantCulture, note, $"OLD.\"{id}\"")} END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "plans", "plan_deliveries" })
            {
                foreach (var kind in new[] { "insert", "update", "update_old", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_changed_{kind};");
                }
            }

            migrationBuilder.DropTable(
                name: "plan_changes");
        }
    }
}
