namespace Regiewijzer.Web.Accounts;

/// <summary>Return addresses after sign-in: only a path on this site, never another host (no open redirect).</summary>
public static class LocalPaths
{
    public static string Safe(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : "/";
}
