namespace Regiewijzer.Web.Components.Shared;

/// <summary>
/// Marks a page whose forms post with Blazor's enhanced form handling (<c>data-enhance</c>): only such a page loads
/// blazor.web.js (App.razor). Every other page is plain server-rendered HTML without it (ADR 0004); their forms post
/// and their links load the next page as a browser does without scripts.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class EnhancedFormsAttribute : Attribute;
