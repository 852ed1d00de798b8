using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Regiewijzer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecast_parameters",
                columns: table => new
                {
                    SetId = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    SetName = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    Probability = table.Column<string>(type: "text", nullable: false),
                    Delay = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Confidence = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_parameters", x => new { x.SetId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PriceLevelYear = table.Column<int>(type: "integer", nullable: false),
                    Contracted = table.Column<bool>(type: "boolean", nullable: false),
                    ContractedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Assumption = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plans_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "realisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SocialRent = table.Column<int>(type: "integer", nullable: false),
                    MiddleRent = table.Column<int>(type: "integer", nullable: false),
                    AffordableOwnership = table.Column<int>(type: "integer", nullable: false),
                    FreeRent = table.Column<int>(type: "integer", nullable: false),
                    FreeOwnership = table.Column<int>(type: "integer", nullable: false),
                    UnknownSegment = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsEstimate = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_realisations_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trajectory_weights",
                columns: table => new
                {
                    RegionId = table.Column<string>(type: "character varying(20)", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trajectory_weights", x => new { x.RegionId, x.Year });
                    table.ForeignKey(
                        name: "FK_trajectory_weights_regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_deliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SocialRent = table.Column<int>(type: "integer", nullable: false),
                    MiddleRent = table.Column<int>(type: "integer", nullable: false),
                    AffordableOwnership = table.Column<int>(type: "integer", nullable: false),
                    FreeRent = table.Column<int>(type: "integer", nullable: false),
                    FreeOwnership = table.Column<int>(type: "integer", nullable: false),
                    UnknownSegment = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_deliveries_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_deliveries_PlanId_Year",
                table: "plan_deliveries",
                columns: new[] { "PlanId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_MunicipalityCode_Code",
                table: "plans",
                columns: new[] { "MunicipalityCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_realisations_MunicipalityCode_Year",
                table: "realisations",
                columns: new[] { "MunicipalityCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_parameters");

            migrationBuilder.DropTable(
                name: "plan_deliveries");

            migrationBuilder.DropTable(
                name: "realisations");

            migrationBuilder.DropTable(
                name: "trajectory_weights");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
