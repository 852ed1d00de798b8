using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Features.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>Issue 15: every field the audit trail stores is shown with a Dutch name, or deliberately left out; no stored (English) name reaches a person.</summary>
public sealed class AuditReadingTests(TestDatabases databases)
{
    /// <summary>The audited tables (AuditTrail.Objects), by their stored names.</summary>
    private static readonly string[] Audited =
    [
        "plans", "plan_deliveries", "realisations", "trajectory_weights", "regions", "region_memberships", "stock", "tasks", "agreements",
        "agreement_shares", "agreement_responses", "exemptions", "instructions", "housing_programmes", "task_proposals", "designation_acts",
        "accounts", "account_roles",
    ];

    /// <summary>Identity's secrets never enter the trail (AuditTrail.Secret).</summary>
    private static readonly string[] Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    [Fact]
    public async Task EveryStoredFieldOfAnAuditedTable_HasADutchLabelOrIsHidden()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var context = db.Context();
        var missing = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes().Where(e => Audited.Contains(e.GetTableName())))
        {
            Assert.NotEqual("gegevens", AuditReading.Part(entity.GetTableName()!));
            foreach (var property in entity.GetProperties().Where(p => !Secret.Contains(p.Name)))
            {
                if (!AuditReading.Hidden.Contains(property.Name) && AuditReading.Label(property.Name) is null)
                {
                    missing.Add($"{entity.GetTableName()}.{property.Name}");
                }
            }
        }

        Assert.Equal(Audited.Length, context.Model.GetEntityTypes().Count(e => Audited.Contains(e.GetTableName())));
        Assert.True(missing.Count == 0, "Zonder Nederlandse naam: " + string.Join(", ", missing));
    }
}
