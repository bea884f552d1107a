using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tests.Library;

/// <summary>
/// The repository documents itself: docs/criteria.md names every criterion as the code does, the README and docs link
/// only to files that are in the repository, and every "criteria §n" or README section cited in the code exists.
/// </summary>
public sealed partial class DocumentationTest
{
    private static string Root([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static string Criteria => File.ReadAllText(Path.Combine(Root(), "docs", "criteria.md"));

    private static string Section(string markdown, int number)
    {
        var start = markdown.IndexOf($"\n## {number}. ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/criteria.md has no section {number}");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static Dictionary<string, string[]> TableRows(string section) =>
        TableRow().Matches(section).ToDictionary(
            m => m.Groups[1].Value,
            m => m.Groups[2].Value.Split('|').Select(cell => cell.Trim()).ToArray());

    [Fact]
    public void CriteriaDoc_NamesEveryCriterion_AsTheCodeDoes()
    {
        var engine = new RulesEngine(Policy.Default);
        var defined = TableRows(Section(Criteria, 2));
        var names = TableRows(Section(Criteria, 6));
        foreach (var id in CriterionIds.All)
        {
            var code = id.Code();
            Assert.True(defined.ContainsKey(code), $"docs/criteria.md §2 does not define {code}");
            Assert.True(names.TryGetValue(code, out var row), $"docs/criteria.md §6 does not name {code}");
            Assert.Equal(id.Label().Dutch, row[0]);
            Assert.Equal(id.Label().English, row[1]);
            Assert.Equal(engine.Criterion(id).PickedUpBy.Dutch, row[2]);
        }
        Assert.Equal(CriterionIds.All.Count, names.Count);
        Assert.Equal(CriterionIds.All.Count, defined.Count);
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Root(), "docs"), "*.md"))
            data.Add(Path.GetRelativePath(Root(), file));
        data.Add(Path.Combine("benchmarks", "README.md"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_LinksOnlyToFilesInTheRepository(string document)
    {
        var path = Path.Combine(Root(), document);
        var text = File.ReadAllText(path);
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups[1].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal))
                continue;
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            Assert.True(resolved.StartsWith(Root(), StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{document} links to a missing file: {target}");
        }
        foreach (var outside in OutsideTheRepository)
            Assert.DoesNotContain(outside, text, StringComparison.Ordinal);
    }

    // Files the team works from but users never see: the repository must not send anyone there.
    private static readonly string[] OutsideTheRepository = ["RULES" + ".md", "SPEC" + ".md", "RULES" + " §", "SPEC" + " §", "../" + "shared"];

    [Fact]
    public void Code_CitesOnlySectionsThatExist()
    {
        var criteria = Criteria;
        var readmeHeadings = Heading().Matches(File.ReadAllText(Path.Combine(Root(), "README.md")))
            .Select(m => m.Groups[1].Value).ToList();
        var cited = 0;
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(Root(), file);
            foreach (var outside in OutsideTheRepository)
                Assert.False(text.Contains(outside, StringComparison.Ordinal), $"{name} cites {outside}, which is not in the repository");
            foreach (Match m in CriteriaCitation().Matches(text))
            {
                cited++;
                Assert.True(criteria.Contains($"\n## {m.Groups[1].Value}. ", StringComparison.Ordinal), $"{name} cites criteria §{m.Groups[1].Value}, which docs/criteria.md does not have");
            }
            foreach (Match m in ReadmeCitation().Matches(text))
            {
                cited++;
                Assert.True(
                    readmeHeadings.Any(h => h.StartsWith(m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)),
                    $"{name} cites the README section '{m.Groups[1].Value}', which the README does not have");
            }
        }
        Assert.True(cited > 50, $"only {cited} citations found: is the scan looking in the right place?");
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "benchmarks" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Root(), dir), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}BenchmarkDotNet.Artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^\| `([A-Z0-9]+-[A-Z0-9]+)` \|(.*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{2,4} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"criteria §(\d+)")]
    private static partial Regex CriteriaCitation();

    [GeneratedRegex(@"README, [""']([^""']+)[""']")]
    private static partial Regex ReadmeCitation();
}
