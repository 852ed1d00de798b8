namespace Regiewijzer.Data.Model;

/// <summary>
/// How often a table has changed: raised by one with the commit of every change to it (<see cref="Database.DataVersions"/>).
/// Each instance of the web app compares it with what its caches were built from, so a change stored by another
/// instance or by the command line is seen on the next request (issue 17). Never shown, not audited.
/// </summary>
public sealed class DataVersionRow
{
    public required string TableName { get; set; }

    public long Version { get; set; }
}
