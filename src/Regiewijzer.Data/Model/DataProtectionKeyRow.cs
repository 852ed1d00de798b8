namespace Regiewijzer.Data.Model;

/// <summary>One key of the Data Protection key ring, as the XML ASP.NET Core writes (never shown to anyone, not audited).</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
