using AanwezigheidsAnalyse.Ingestion;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>The line of a byte offset, as rejects.csv gives it for UTF-8 files, equals counting line feeds by hand.</summary>
public class LineCounterTest
{
    [Property(MaxTest = 40)]
    public Property LineAt_EqualsLineFeedsBeforeTheOffsetPlusOne()
    {
        // Files of up to about 200 KB (several of the counter's 64 KB blocks), questions mostly in reading order.
        var cases =
            from lineLengths in Gen.Choose(0, 300).ListOf().Select(l => l.ToArray())
            from scale in Gen.Elements(1, 50)
            from questions in Gen.Choose(0, 1000).ListOf()
            from backwards in Gen.Elements(false, false, true)
            select (lineLengths, scale, questions, backwards);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var bytes = c.lineLengths.SelectMany(length => Enumerable.Repeat((byte)'x', length * c.scale / 10).Append((byte)'\n')).ToArray();
            var offsets = c.questions.Select(q => (long)q * bytes.Length / 1000).Order().ToList();
            if (c.backwards)
                offsets.Reverse(); // an earlier byte starts the count over
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, bytes);
                using var counter = new LineCounter(path);
                return offsets.All(offset => counter.LineAt(offset) == 1 + bytes.AsSpan(0, (int)offset).Count((byte)'\n'));
            }
            finally
            {
                File.Delete(path);
            }
        });
    }
}
