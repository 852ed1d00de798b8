using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regiewijzer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StockCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CorrectedAt",
                table: "stock",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectedBy",
                table: "stock",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionSource",
                table: "stock",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferenceSocialStock",
                table: "stock",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "stock");

            migrationBuilder.DropColumn(
                name: "CorrectedBy",
                table: "stock");

            migrationBuilder.DropColumn(
                name: "CorrectionSource",
                table: "stock");

            migrationBuilder.DropColumn(
                name: "ReferenceSocialStock",
                table: "stock");
        }
    }
}
