namespace Regiewijzer.Core;

/// <summary>One wrong field of an input: its name (form field or JSON property) and the Dutch reason.</summary>
public sealed record FieldProblem(string Field, string Reason);
