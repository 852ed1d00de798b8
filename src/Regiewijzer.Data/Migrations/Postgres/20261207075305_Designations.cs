using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Regiewijzer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Designations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DealRegionId",
                table: "region_memberships",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DesignationProvince",
                table: "region_memberships",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DesignationVersion",
                table: "region_memberships",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "designation_acts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designation_acts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_designation_acts_provinces_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "provinces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "designation_assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    RegionId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designation_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_designation_assignments_designation_acts_ActId",
                        column: x => x.ActId,
                        principalTable: "designation_acts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_designation_assignments_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "designation_regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Partners = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_designation_regions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_designation_regions_designation_acts_ActId",
                        column: x => x.ActId,
                        principalTable: "designation_acts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_designation_acts_ProvinceCode_Version",
                table: "designation_acts",
                columns: new[] { "ProvinceCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_designation_assignments_ActId_MunicipalityCode",
                table: "designation_assignments",
                columns: new[] { "ActId", "MunicipalityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_designation_assignments_MunicipalityCode",
                table: "designation_assignments",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_designation_regions_ActId_RegionId",
                table: "designation_regions",
                columns: new[] { "ActId", "RegionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "designation_assignments");

            migrationBuilder.DropTable(
                name: "designation_regions");

            migrationBuilder.DropTable(
                name: "designation_acts");

            migrationBuilder.DropColumn(
                name: "DealRegionId",
                table: "region_memberships");

            migrationBuilder.DropColumn(
                name: "DesignationProvince",
                table: "region_memberships");

            migrationBuilder.DropColumn(
                name: "DesignationVersion",
                table: "region_memberships");
        }
    }
}
