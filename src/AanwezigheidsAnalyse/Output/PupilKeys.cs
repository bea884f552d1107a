using System.Security.Cryptography;
using System.Text;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// The <c>pupil_key</c> of every output (README, "Privacy"): the school's own pupil number by default, because the SAT
/// needs it; with a key file, a keyed HMAC-SHA-256 pseudonym of school and pupil number, stable across runs and
/// schools with the same key, so a Taskforce can link weeks without ever seeing a pupil number.
/// </summary>
internal sealed class PupilKeys
{
    private readonly byte[]? _key;

    private PupilKeys(byte[]? key) => _key = key;

    public static PupilKeys Plain { get; } = new(null);

    /// <summary>The keys of a run: pseudonyms under the key file's key, or the plain numbers without one.</summary>
    public static PupilKeys Of(string? keyFile) => keyFile is null ? Plain : FromKeyFile(keyFile);

    public bool Pseudonymised => _key is not null;

    /// <summary>
    /// The key's fingerprint (16 hex digits of an HMAC of a fixed text under the key), for run.json and a Taskforce's
    /// <c>collect</c>: runs made with one key have one fingerprint, and the key cannot be recovered from it.
    /// </summary>
    public string? Fingerprint => _key is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, "aanwezigheid: vingerafdruk van de sleutel, v1"u8))[..16];

    /// <summary>
    /// Reads a key file (README, "Privacy"): its bytes are the key. A text key (valid UTF-8, as <c>openssl rand -hex 32</c>
    /// writes) loses the spaces and line ends around it, so an editor's newline does not change the pseudonyms; any
    /// other file is a binary key, used byte for byte. At least 16 bytes, and not predictable.
    /// </summary>
    public static PupilKeys FromKeyFile(string path)
    {
        Internals.InputFile.Check(path, Setting.PseudonymizeKey);
        var bytes = ReadAtMost(path, MaxKeyBytes + 1);
        if (bytes.Length > MaxKeyBytes)
            throw new UserError(Texts.KeyTooLong(path, MaxKeyBytes), Setting.PseudonymizeKey);
        var key = System.Text.Unicode.Utf8.IsValid(bytes) ? TextKey(bytes) : bytes;
        if (key.Length < 16)
            throw new UserError(Texts.KeyTooShort(path), Setting.PseudonymizeKey);
        if (EntropyBits(key) < MinEntropyBits)
            throw new UserError(Texts.KeyTooPredictable(path), Setting.PseudonymizeKey);
        return new PupilKeys(key);
    }

    /// <summary>A key longer than this is not a key (a device, an export given by mistake).</summary>
    private const int MaxKeyBytes = 4096;

    /// <summary>Reads up to <paramref name="limit"/> bytes: /dev/urandom given as a key file ends here, not in memory.</summary>
    private static byte[] ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[limit];
        var read = stream.ReadAtLeast(buffer, limit, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>A text key: without a BOM (Notepad writes one) and without the whitespace around it.</summary>
    private static byte[] TextKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        return bytes.Trim(" \t\r\n\f\v"u8).ToArray();
    }

    /// <summary>The least a key must carry: "aaaa…", "1234123412341234" or "0123456789abcdef" cannot be a key; 24 random hex digits or more can (16 fail one time in six).</summary>
    internal const double MinEntropyBits = 48;

    /// <summary>
    /// What a key carries by the entropy of its bytes, as a lower bound of sorts for a random key and near zero for a
    /// trivial one. A repeated word counts once ("geheim" five times carries what "geheim" does: the entropy of the
    /// bytes times the length grew with every copy), and each byte that breaks the repetition 8 bits more ("geheim"
    /// five times and a 1); a run like 0123… or abcd… counts by its steps; upper and lower case alike. Pupil numbers
    /// are few, so a guessable key reverses every pseudonym.
    /// </summary>
    internal static double EntropyBits(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
            return 0;
        Span<byte> lower = key.Length <= 1024 ? stackalloc byte[key.Length] : new byte[key.Length];
        for (var i = 0; i < key.Length; i++)
            lower[i] = key[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(key[i] | 0x20) : key[i];
        return Math.Min(Repeated(key), Repeated(lower));
    }

    /// <summary>The least, over every period p, of what the word of the first p bytes carries plus 8 bits per byte that breaks its repetition.</summary>
    private static double Repeated(ReadOnlySpan<byte> key)
    {
        var best = WordBits(key);
        for (var p = 1; p < key.Length; p++)
        {
            var breaks = 0;
            for (var i = p; i < key.Length && 8 * breaks < best; i++)
                breaks += key[i] != key[i - p] ? 1 : 0;
            if (8 * breaks < best)
                best = Math.Min(best, WordBits(key[..p]) + 8 * breaks);
        }
        return best;
    }

    /// <summary>What a word carries by its bytes, or by its steps (0123… is one step, taken again and again).</summary>
    private static double WordBits(ReadOnlySpan<byte> word)
    {
        Span<byte> steps = word.Length <= 1024 ? stackalloc byte[word.Length] : new byte[word.Length];
        steps[0] = word[0];
        for (var i = 1; i < word.Length; i++)
            steps[i] = (byte)(word[i] - word[i - 1]);
        return Math.Min(ByteEntropyBits(word), ByteEntropyBits(steps));
    }

    /// <summary>Length times the Shannon entropy of the bytes.</summary>
    private static double ByteEntropyBits(ReadOnlySpan<byte> bytes)
    {
        Span<int> counts = stackalloc int[256];
        foreach (var b in bytes)
            counts[b]++;
        var bits = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / bytes.Length;
                bits -= p * Math.Log2(p);
            }
        }
        return bits * bytes.Length;
    }

    /// <summary>True for a pupil_key as a key makes it: 32 lowercase hexadecimal digits.</summary>
    public static bool IsPseudonym(string key) => key.Length == 32 && key.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    public string KeyOf(string schoolId, string pupilId)
    {
        if (_key is null)
            return pupilId;
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{schoolId}\u001f{pupilId}"), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
