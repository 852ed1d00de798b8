using Microsoft.EntityFrameworkCore;
using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The CLI passes its operator actor to the features; the audit trail names the command line, not "systeem".</summary>
public sealed partial class CliAppTests
{
    [Fact]
    public async Task ImportStock_AuditTrailNamesTheCommandLine()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"voorraad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "gemeentecode;peiljaar;woningvoorraad;corporatiewoningen\nGM0228;2031;53000;9000\n", TestContext.Current.CancellationToken);
        try
        {
            var (exit, _, stderr) = Run(database, "import", "stock", "--bestand", file);
            Assert.True(exit == CliApp.Ok, stderr);
        }
        finally
        {
            File.Delete(file);
        }

        await using var check = database.Context();
        var entry = await check.AuditEntries.Where(a => a.ObjectType == "voorraad" && a.ObjectId == "GM0228")
            .OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("cli:" + Environment.UserName, entry.ActorId);
        Assert.Equal($"opdrachtregel ({Environment.UserName})", entry.ActorName);
        Assert.Null(entry.OrganisationId);
        Assert.Contains("2031", entry.After ?? string.Empty, StringComparison.Ordinal);
    }
}
