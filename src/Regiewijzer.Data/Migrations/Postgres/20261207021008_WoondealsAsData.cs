using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Regiewijzer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WoondealsAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provinces = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Precision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PrecisionWording = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    PeriodFrom = table.Column<int>(type: "integer", nullable: false),
                    PeriodTo = table.Column<int>(type: "integer", nullable: false),
                    SocialRent = table.Column<int>(type: "integer", nullable: true),
                    MiddleRent = table.Column<int>(type: "integer", nullable: true),
                    AffordablePurchase = table.Column<int>(type: "integer", nullable: true),
                    AffordableTotal = table.Column<int>(type: "integer", nullable: true),
                    SplitSource = table.Column<string>(type: "text", nullable: true),
                    SplitQuote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "province_deal_figures",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "character varying(4)", nullable: false),
                    PublishedTotal = table.Column<int>(type: "integer", nullable: true),
                    Wording = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_deal_figures", x => x.ProvinceCode);
                    table.ForeignKey(
                        name: "FK_province_deal_figures_provinces_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "provinces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deal_numbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<string>(type: "character varying(20)", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    Homes = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_numbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deal_numbers_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deal_numbers_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deal_parties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<string>(type: "character varying(20)", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    Certainty = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deal_parties_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deal_parties_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deal_numbers_DealId_MunicipalityCode",
                table: "deal_numbers",
                columns: new[] { "DealId", "MunicipalityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deal_numbers_MunicipalityCode",
                table: "deal_numbers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_deal_parties_DealId_MunicipalityCode",
                table: "deal_parties",
                columns: new[] { "DealId", "MunicipalityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deal_parties_MunicipalityCode",
                table: "deal_parties",
                column: "MunicipalityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_numbers");

            migrationBuilder.DropTable(
                name: "deal_parties");

            migrationBuilder.DropTable(
                name: "province_deal_figures");

            migrationBuilder.DropTable(
                name: "deals");
        }
    }
}
