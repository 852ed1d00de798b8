namespace Regiewijzer.Core.Governance;

/// <summary>A number of homes before and after a change (an exemption, a new agreement version).</summary>
/// <param name="Before">Homes before.</param>
/// <param name="After">Homes after.</param>
public readonly record struct CountChange(int Before, int After)
{
    /// <summary>After − Before: positive when the number goes up.</summary>
    public int Delta => checked(After - Before);

    /// <summary>Component-wise sum.</summary>
    public static CountChange operator +(CountChange left, CountChange right) =>
        new(checked(left.Before + right.Before), checked(left.After + right.After));

    /// <summary>Component-wise sum (named alternative of the + operator).</summary>
    public static CountChange Add(CountChange left, CountChange right) => left + right;
}
