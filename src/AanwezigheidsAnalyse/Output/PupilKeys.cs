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

    public bool Pseudonymised => _key is not null;

    /// <summary>Reads a key file: its bytes are the key (at least 16 of them, leading and trailing whitespace ignored).</summary>
    public static PupilKeys FromKeyFile(string path)
    {
        if (!File.Exists(path))
            throw new UserError(Texts.FileMissing(Setting.PseudonymizeKey, path), Setting.PseudonymizeKey);
        var text = File.ReadAllText(path).Trim();
        var key = Encoding.UTF8.GetBytes(text);
        if (key.Length < 16)
            throw new UserError(Texts.KeyTooShort(path), Setting.PseudonymizeKey);
        return new PupilKeys(key);
    }

    public string KeyOf(string schoolId, string pupilId)
    {
        if (_key is null)
            return pupilId;
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{schoolId}\u001f{pupilId}"), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
