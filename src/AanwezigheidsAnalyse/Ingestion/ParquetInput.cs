using System.Text;
using AanwezigheidsAnalyse.Ledger;
using Parquet;
using Parquet.Schema;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Reads canonical attendance rows from Parquet (for analysts and the generator): the canonical columns
/// (pupil_id, date, status; school_id, group, slot, minutes optional) with the canonical profile's rules.
/// Dates may be a DATE column or text. Rows are read one row group at a time.
/// </summary>
internal static class ParquetInput
{
    public static ReadResult Read(string path, IngestSettings settings, LedgerBuilder builder, RejectSink rejects)
    {
        if (!File.Exists(path))
            throw new UserError($"Invoerbestand '{path}' bestaat niet.", $"Input file '{path}' does not exist.");
        return ReadAsync(path, settings, builder, rejects).GetAwaiter().GetResult();
    }

    private static async Task<ReadResult> ReadAsync(string path, IngestSettings settings, LedgerBuilder builder, RejectSink rejects)
    {
        var profile = Profile.Load("canonical");
        var account = new FileAccount
        {
            Path = Path.GetFullPath(path),
            Bytes = new FileInfo(path).Length,
            Encoding = "parquet",
            Separator = "",
            Profile = profile.Name,
            ProfileChoice = "parquet",
        };
        var hash = Task.Run(() =>
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        });
        var timetable = settings.Timetable ?? Timetable.Load(profile.Timetable ?? "vo-standaard");
        var rows = new CanonicalRows(profile, settings, builder, rejects, account);

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path);
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException)
        {
            throw new UserError($"'{path}' is geen leesbaar Parquet-bestand: {e.Message}", $"'{path}' is not a readable Parquet file: {e.Message}");
        }
        await using (reader)
        {
            var fields = reader.Schema.DataFields;
            DataField Field(string name, bool required)
            {
                var field = fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (field is null && required)
                    throw new UserError(
                        $"'{path}' mist de kolom '{name}'. Kolommen: {string.Join(", ", fields.Select(f => f.Name))}.",
                        $"'{path}' lacks column '{name}'. Columns: {string.Join(", ", fields.Select(f => f.Name))}.");
                return field!;
            }
            var pupil = Field("pupil_id", true);
            var date = Field("date", true);
            var status = Field("status", true);
            var school = Field("school_id", false);
            var group = Field("group", false);
            var slot = Field("slot", false);
            var minutes = Field("minutes", false);
            account.Headers = [.. fields.Select(f => f.Name)];

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var rowGroup = reader.OpenRowGroupReader(g);
                var count = (int)rowGroup.RowCount;
                var pupils = await Text(rowGroup, pupil, count);
                var dates = await Text(rowGroup, date, count);
                var statuses = await Text(rowGroup, status, count);
                var schools = school is null ? null : await Text(rowGroup, school, count);
                var groups = group is null ? null : await Text(rowGroup, group, count);
                var slots = slot is null ? null : await Text(rowGroup, slot, count);
                var minuteValues = minutes is null ? null : await Text(rowGroup, minutes, count);
                for (var i = 0; i < count; i++)
                    rows.Add(pupils[i], dates[i], statuses[i], schools?[i], groups?[i], slots?[i], minuteValues?[i]);
            }
        }
        rows.Finish();
        account.Sha256 = await hash;
        return new ReadResult(account, profile, timetable, rows.PresentRows);
    }

    /// <summary>A column as text per row, whatever its physical type, so that one set of rules checks every value.</summary>
    private static async Task<string?[]> Text(ParquetRowGroupReader rowGroup, DataField field, int count)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await rowGroup.ReadAsync(field, strings.AsMemory());
            return strings;
        }
        if (type == typeof(DateOnly))
            return Format(await Values<DateOnly>(rowGroup, field, count), d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (type == typeof(DateTime))
            return Format(await Values<DateTime>(rowGroup, field, count), d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (type == typeof(int))
            return Format(await Values<int>(rowGroup, field, count), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (type == typeof(long))
            return Format(await Values<long>(rowGroup, field, count), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (type == typeof(short))
            return Format(await Values<short>(rowGroup, field, count), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (type == typeof(double))
            return Format(await Values<double>(rowGroup, field, count), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        throw new UserError(
            $"Parquet-kolom '{field.Name}' heeft een type ({type.Name}) dat niet gelezen wordt: gebruik tekst, een datum of een geheel getal.",
            $"Parquet column '{field.Name}' has a type ({type.Name}) that is not read: use text, a date or an integer.");
    }

    private static async Task<T?[]> Values<T>(ParquetRowGroupReader rowGroup, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await rowGroup.ReadAsync(field, values.AsMemory());
        }
        else
        {
            var plain = new T[count];
            await rowGroup.ReadAsync(field, plain.AsMemory());
            for (var i = 0; i < count; i++)
                values[i] = plain[i];
        }
        return values;
    }

    private static string?[] Format<T>(T?[] values, Func<T, string> format)
        where T : struct =>
        [.. values.Select(v => v is { } value ? format(value) : null)];

    /// <summary>Applies the canonical profile's rules to one row of text values.</summary>
    private sealed class CanonicalRows(Profile profile, IngestSettings settings, LedgerBuilder builder, RejectSink rejects, FileAccount account)
    {
        private readonly DateResolver _dates = new(builder.Calendar, settings.AsOf, profile.DateFormats);
        private readonly CodeResolver _codes = new(new CodeTable(profile.Codes));
        private readonly SlotResolver _slots = new(profile);
        private readonly int _defaultSchool = builder.SchoolFor(settings.SchoolId);
        private long _row;

        public long PresentRows { get; private set; }

        public void Add(string? pupilId, string? date, string? status, string? school, string? group, string? slot, string? minutes)
        {
            _row++;
            account.RowsRead++;
            if (string.IsNullOrWhiteSpace(pupilId))
            {
                Reject("pupil_id", pupilId, Reasons.PupilMissing);
                return;
            }
            switch (_dates.Resolve(Encoding.UTF8.GetBytes(date ?? ""), out var day, out var localDate))
            {
                case DateFate.SchoolDay:
                    break;
                case DateFate.AfterAsOf:
                    account.Ignore(Reasons.AfterAsOf);
                    return;
                case DateFate.BeforeSchoolYear:
                    account.Ignore(Reasons.BeforeSchoolYear);
                    return;
                case DateFate.NotASchoolDay:
                    Reject("date", date, Reasons.NotASchoolDay);
                    return;
                default:
                    Reject("date", date, string.IsNullOrEmpty(date) ? Reasons.DateMissing : Reasons.DateInvalid);
                    return;
            }
            if (string.IsNullOrWhiteSpace(status))
            {
                Reject("status", status, Reasons.CodeMissing);
                return;
            }
            var category = _codes.Resolve(Encoding.UTF8.GetBytes(status.Trim()), null, out _);
            if (category == Category.None)
            {
                Reject("status", status, Reasons.CodeUnknown);
                return;
            }
            var slotNumber = -1;
            if (!string.IsNullOrWhiteSpace(slot) && (slotNumber = _slots.Resolve(Encoding.UTF8.GetBytes(slot.Trim()))) < 0)
            {
                Reject("slot", slot, Reasons.SlotInvalid);
                return;
            }
            var minuteValue = -1;
            if (!string.IsNullOrWhiteSpace(minutes) && !Ingestion.Minutes.TryParse(Encoding.UTF8.GetBytes(minutes.Trim()), out minuteValue))
            {
                Reject("minutes", minutes, Reasons.MinutesInvalid);
                return;
            }
            var schoolIndex = string.IsNullOrEmpty(school) ? _defaultSchool : builder.SchoolFor(school);
            var pupil = builder.PupilFor(schoolIndex, pupilId.Trim());
            if (!builder.IsEnrolled(pupil, day))
            {
                account.Ignore(Reasons.OutsideEnrolment);
                return;
            }
            if (!string.IsNullOrEmpty(group))
                builder.SetGroup(pupil, builder.GroupFor(group), day);
            if (category == Category.Ignore)
            {
                account.Ignore(Reasons.CodeIgnored);
                return;
            }
            var effect = slotNumber >= 0 ? builder.RegisterSlot(pupil, day, slotNumber, category)
                : minuteValue >= 0 ? builder.RegisterMinutes(pupil, day, category, minuteValue, 0)
                : builder.RegisterWholeDay(pupil, day, category);
            account.Accepted++;
            if (effect == RegistrationEffect.Duplicate)
                account.Duplicates++;
            else if (effect is RegistrationEffect.Replaced or RegistrationEffect.Overruled)
                account.Conflicts++;
            if (category == Category.Present)
                PresentRows++;
            account.SeeDate(localDate);
        }

        public void Finish() =>
            account.Codes = [.. Enumerable.Range(0, _codes.CodeCount)
                .Select(id => new CodeCount(_codes.FoldedCode(id), _codes.CategoryOf(id) is var c && c != Category.None ? c.Name() : "unknown", _codes.RowsOf(id)))
                .Where(c => c.Rows > 0)
                .OrderByDescending(c => c.Rows).ThenBy(c => c.Code, StringComparer.Ordinal)];

        private void Reject(string column, string? value, string reason)
        {
            account.Reject(reason);
            // Parquet has no lines: the row number (1-based) stands in for the line.
            rejects.Write(account.Path, _row, column, value ?? "", reason);
        }
    }
}
