using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The one write signal: raised once a change is stored (after the commit in a transaction), never for a rollback.</summary>
public sealed class DataChangeSignalTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_RaisesTheChangedRowTypesAfterTheCommit(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        var signal = new DataChangeSignal();
        var raised = new List<IReadOnlySet<Type>>();
        signal.Listen(changed =>
        {
            raised.Add(changed.Types);
            return ValueTask.CompletedTask;
        });
        await using var db = database.Context();
        db.Changes = signal;

        var ede = await db.Tasks.FirstAsync(t => t.MunicipalityCode == "GM0228", Ct);
        ede.Homes += 1;
        await db.SaveChangesAsync(Ct);
        Assert.Contains(typeof(TaskRow), Assert.Single(raised));

        raised.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            ede.Homes += 1;
            await db.SaveChangesAsync(Ct);
            Assert.Empty(raised); // not before the commit
            await tx.RollbackAsync(Ct);
        }

        Assert.Empty(raised);
        db.ChangeTracker.Clear();

        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            var stock = await db.Stock.FirstAsync(s => s.MunicipalityCode == "GM0228", Ct);
            stock.TotalStock += 1;
            await db.SaveChangesAsync(Ct);
            Assert.Empty(raised);
            await tx.CommitAsync(Ct);
        }

        Assert.Contains(typeof(StockRow), Assert.Single(raised));
    }
}
