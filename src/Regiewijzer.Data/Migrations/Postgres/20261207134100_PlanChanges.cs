using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regiewijzer.Data.Migrations.Postgres
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
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_changes", x => x.PlanId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_changes_Seq",
                table: "plan_changes",
                column: "Seq");

            // Every write of a plan or its deliveries gives the plan the next number (PlanChanges). Writers of plans take
            // their turn with a transaction-level lock taken before the first row of a statement is written, so the
            // numbers rise in commit order: a reader that saw number n never misses a later commit with a lower one.
            migrationBuilder.Sql("CREATE SEQUENCE plan_changes_seq;");
            migrationBuilder.Sql("""
                CREATE FUNCTION plan_changes_turn() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('regiewijzer.plan_changes'));
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION plan_changes_note() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    before_id integer;
                    after_id integer;
                BEGIN
                    IF TG_TABLE_NAME = 'plans' THEN
                        IF TG_OP <> 'INSERT' THEN before_id := OLD."Id"; END IF;
                        IF TG_OP <> 'DELETE' THEN after_id := NEW."Id"; END IF;
                    ELSE
                        IF TG_OP <> 'INSERT' THEN before_id := OLD."PlanId"; END IF;
                        IF TG_OP <> 'DELETE' THEN after_id := NEW."PlanId"; END IF;
                    END IF;
                    INSERT INTO plan_changes ("PlanId", "Seq")
                    SELECT id, nextval('plan_changes_seq') FROM (SELECT DISTINCT id FROM (VALUES (before_id), (after_id)) AS given(id) WHERE id IS NOT NULL) AS ids
                    ON CONFLICT ("PlanId") DO UPDATE SET "Seq" = excluded."Seq";
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in new[] { "plans", "plan_deliveries" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_turn BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION plan_changes_turn();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION plan_changes_note();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "plans", "plan_deliveries" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_turn ON {table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_changed ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS plan_changes_note();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS plan_changes_turn();");
            migrationBuilder.Sql("DROP SEQUENCE IF EXISTS plan_changes_seq;");
            migrationBuilder.DropTable(
                name: "plan_changes");
        }
    }
}
