using System.Net;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Output;

/// <summary>The head of the self-contained pages other than the school report (trends, backtest): one look, prints on A4.</summary>
internal static class Pages
{
    /// <summary>From the doctype to the opening body tag and the page's h1; <paramref name="css"/> adds rules of its own.</summary>
    public static string Head(Language l, string title, string css = "") => $$"""
        <!doctype html>
        <html lang="{{l.Pick("nl", "en")}}"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1rem; color: #222; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; } th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; } img { max-width: 100%; }
        .note { background: #eef4fb; border-left: 4px solid #5b8fd9; padding: 0.4rem 0.7rem; }
        @page { size: A4; margin: 12mm; }
        {{css}}
        </style></head><body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>

        """;
}
