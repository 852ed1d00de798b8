using CsCheck;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class AgreementComparisonTests
{
    private static AgreedShare Share(string code, int task, int social, int middle) =>
        new(new MunicipalityCode(code), "Gemeente " + code, task, social, middle, task - social - middle);

    [Fact]
    public void Compare_ChangedAddedAndRemoved_GivesARowPerMunicipalityAndTotals()
    {
        AgreedShare[] previous = [Share("GM0002", 600, 216, 172), Share("GM0001", 1000, 360, 287), Share("GM0009", 100, 30, 40)];
        AgreedShare[] current = [Share("GM0001", 1000, 429, 287), Share("GM0002", 600, 120, 172), Share("GM0003", 400, 51, 275)];

        var diff = AgreementComparison.Compare(previous, current);

        Assert.Equal(["GM0001", "GM0002", "GM0003", "GM0009"], diff.Rows.Select(r => r.Code.Value));
        Assert.Equal([(true, true), (true, true), (false, true), (true, false)], diff.Rows.Select(r => (r.InPrevious, r.InCurrent)));
        Assert.Equal([69, -96, 51, -30], diff.Rows.Select(r => r.Social.Delta));
        Assert.Equal(new CountChange(0, 400), diff.Rows[2].Task);
        Assert.Equal(new CountChange(40, 0), diff.Rows[3].Middle);
        Assert.Equal(new CountChange(1700, 2000), diff.Task);
        Assert.Equal(new CountChange(606, 600), diff.Social);
        Assert.Equal(new CountChange(499, 734), diff.Middle);
        Assert.Equal(new CountChange(1105, 1334), diff.Affordable);
        Assert.Equal(new CountChange(595, 666), diff.Free);
        Assert.Equal(4, diff.Changed.Length);
    }

    [Fact]
    public void Compare_SameVersion_ChangesNothing()
    {
        AgreedShare[] shares = [Share("GM0001", 1000, 360, 287), Share("GM0002", 600, 216, 172)];

        var diff = AgreementComparison.Compare(shares, shares);

        Assert.Empty(diff.Changed);
        Assert.Equal(0, diff.Social.Delta);
    }

    [Fact]
    public void Compare_DuplicateCode_Throws()
    {
        AgreedShare[] twice = [Share("GM0001", 10, 3, 4), Share("GM0001", 10, 3, 4)];

        Assert.Throws<ArgumentException>(() => AgreementComparison.Compare(twice, []));
    }

    [Fact]
    public void AgreedShare_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgreedShare(new MunicipalityCode("GM0001"), "A", 10, -1, 4, 7));
    }

    [Fact]
    public void Compare_RandomVersions_RowDeltasSumToTheTotalDelta()
    {
        var share = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 5000], Gen.Int[0, 5000], Gen.Int[0, 5000], (n, s, m, f) =>
            new AgreedShare(new MunicipalityCode("GM" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), "G", s + m + f, s, m, f));
        var version = share.Array[0, 20].Select(a => a.DistinctBy(x => x.Code).ToArray());
        Gen.Select(version, version).Sample(
            (previous, current) =>
            {
                var diff = AgreementComparison.Compare(previous, current);

                Assert.Equal(previous.Select(s => s.Code).Union(current.Select(s => s.Code)).Count(), diff.Rows.Length);
                Assert.Equal(diff.Task.Delta, diff.Rows.Sum(r => r.Task.Delta));
                Assert.Equal(diff.Social.Delta, diff.Rows.Sum(r => r.Social.Delta));
                Assert.Equal(diff.Middle.Delta, diff.Rows.Sum(r => r.Middle.Delta));
                Assert.Equal(diff.Free.Delta, diff.Rows.Sum(r => r.Free.Delta));
                Assert.Equal(current.Sum(s => s.Social) - previous.Sum(s => s.Social), diff.Social.Delta);
                Assert.Equal(diff.Task.Delta, diff.Social.Delta + diff.Middle.Delta + diff.Free.Delta);
            },
            iter: 500);
    }
}
