using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regiewijzer.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectedBy",
                table: "stock",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionSource",
                table: "stock",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferenceSocialStock",
                table: "stock",
                type: "INTEGER",
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
