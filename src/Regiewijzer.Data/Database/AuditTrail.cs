using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Database;

/// <summary>Who makes a change: an account (with the organisation it acts for), the command line or the system.</summary>
public sealed record AuditActor(string Id, string Name, string? OrganisationId = null)
{
    public static AuditActor System { get; } = new("systeem", "systeem");
}

/// <summary>
/// The audit trail (issue 6): every added, changed or deleted row of an audited type gets an <see cref="AuditEntryRow"/>
/// with who, when, what, and the row before and after, in the same transaction as the change. Audit entries are append
/// only: a save that would change or delete one throws, and the database refuses it by trigger as well.
/// </summary>
internal static class AuditTrail
{
    /// <summary>The object (type, id) each audited row belongs to; rows of other types are not audited (reference data, logs).</summary>
    private static readonly Dictionary<Type, Func<object, (string Type, string Id)>> Objects = new()
    {
        [typeof(PlanRow)] = o => ("plan", Key(((PlanRow)o).Id)),
        [typeof(PlanDeliveryRow)] = o => ("plan", Key(((PlanDeliveryRow)o).PlanId)),
        [typeof(RealisationRow)] = o => ("realisatie", ((RealisationRow)o).MunicipalityCode + "/" + Key(((RealisationRow)o).Year)),
        [typeof(TrajectoryWeightRow)] = o => ("traject", ((TrajectoryWeightRow)o).RegionId),
        [typeof(HousingRegionRow)] = o => ("regio", ((HousingRegionRow)o).Id),
        [typeof(RegionMembershipRow)] = o => ("regio", ((RegionMembershipRow)o).RegionId),
        [typeof(StockRow)] = o => ("voorraad", ((StockRow)o).MunicipalityCode),
        [typeof(TaskRow)] = o => ("opgave", ((TaskRow)o).MunicipalityCode),
        [typeof(AgreementRow)] = o => ("afspraak", Key(((AgreementRow)o).Id)),
        [typeof(AgreementShareRow)] = o => ("afspraak", Key(((AgreementShareRow)o).AgreementId)),
        [typeof(AgreementResponseRow)] = o => ("afspraak", Key(((AgreementResponseRow)o).AgreementId)),
        [typeof(ExemptionRow)] = o => ("ontheffing", Key(((ExemptionRow)o).Id)),
        [typeof(InstructionRow)] = o => ("instructie", Key(((InstructionRow)o).Id)),
        [typeof(HousingProgrammeRow)] = o => ("vhp", ((HousingProgrammeRow)o).MunicipalityCode),
        [typeof(TaskProposalRow)] = o => ("opgave", ((TaskProposalRow)o).MunicipalityCode),
        [typeof(DesignationActRow)] = o => ("aanwijzing", ((DesignationActRow)o).ProvinceCode),
        [typeof(AccountRow)] = o => ("account", ((AccountRow)o).Id),
        [typeof(AccountRoleRow)] = o => ("account", ((AccountRoleRow)o).AccountId),
    };

    /// <summary>Identity's secrets never go into the trail.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(AccountRow.PasswordHash), nameof(AccountRow.SecurityStamp), nameof(AccountRow.ConcurrencyStamp),
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    internal sealed record Pending(EntityEntry Entry, string Action, string? Before, (string Type, string Id)? DeletedObject, string? DeletedKey);

    /// <summary>Application code never changes the trail.</summary>
    public static void RefuseChanges(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntryRow>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: an audit entry cannot be changed or deleted.");
        }
    }

    /// <summary>Before the save: which rows change, and their values before.</summary>
    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!Objects.ContainsKey(entry.Entity.GetType()))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Modified when OnlyFailedSignInCount(entry):
                    // A failed sign-in (or its reset on success) is counted on the account, not recorded: anonymous visitors
                    // could grow the append-only trail one row per guess. A lockout changes LockoutEnd and is recorded.
                    break;
                case EntityState.Added:
                    pending.Add(new Pending(entry, "aangemaakt", null, null, null));
                    break;
                case EntityState.Modified when entry.Properties.Any(p => p.IsModified && !Secret.Contains(p.Metadata.Name) && p.Metadata.Name != "Version"):
                    pending.Add(new Pending(entry, "gewijzigd", Values(entry.Properties, p => p.OriginalValue), null, null));
                    break;
                case EntityState.Modified:
                    // Only a secret (password, stamp) or the version changed: recorded without values.
                    pending.Add(new Pending(entry, "gewijzigd", null, null, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, "verwijderd", Values(entry.Properties, p => p.OriginalValue), Objects[entry.Entity.GetType()](entry.Entity), EntityKey(entry)));
                    break;
                default:
                    break;
            }
        }

        return pending;
    }

    /// <summary>After the save (generated keys are known): the audit entries.</summary>
    public static IEnumerable<AuditEntryRow> Complete(List<Pending> pending, AuditActor actor, DateTimeOffset at) =>
        pending.Select(p =>
        {
            var (type, id) = p.DeletedObject ?? Objects[p.Entry.Entity.GetType()](p.Entry.Entity);
            return new AuditEntryRow
            {
                At = at,
                ActorId = actor.Id,
                ActorName = actor.Name,
                OrganisationId = actor.OrganisationId,
                ObjectType = type,
                ObjectId = id,
                Entity = p.Entry.Metadata.GetTableName() ?? p.Entry.Metadata.ClrType.Name,
                EntityKey = p.DeletedKey ?? EntityKey(p.Entry),
                Action = p.Action,
                Before = p.Before,
                After = p.Action == "verwijderd" ? null : Values(p.Entry.Properties, e => e.CurrentValue),
            };
        });

    /// <summary>Whether rows of this type get audit entries.</summary>
    public static bool IsAudited(Type rowType) => Objects.ContainsKey(rowType);

    /// <summary>
    /// The entry for a row inserted past the change tracker (<see cref="BulkInsert"/>), its keys set: the same entry a save
    /// through the change tracker writes for an added row (<see cref="Complete"/>).
    /// </summary>
    public static AuditEntryRow Added(IEntityType type, object row, AuditActor actor, DateTimeOffset at)
    {
        var (objectType, id) = Objects[row.GetType()](row);
        return new AuditEntryRow
        {
            At = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            OrganisationId = actor.OrganisationId,
            ObjectType = objectType,
            ObjectId = id,
            Entity = type.GetTableName() ?? type.ClrType.Name,
            EntityKey = string.Join("/", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(p.GetGetter().GetClrValueUsingContainingEntity(row), CultureInfo.InvariantCulture))),
            Action = "aangemaakt",
            Before = null,
            After = Values(type, row),
        };
    }

    /// <summary>An account row whose only changed value (besides Identity's concurrency stamp) is its count of failed sign-ins.</summary>
    private static bool OnlyFailedSignInCount(EntityEntry entry)
    {
        if (entry.Entity is not AccountRow)
        {
            return false;
        }

        var changed = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(AccountRow.ConcurrencyStamp) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => p.Metadata.Name)
            .ToList();
        return changed is [nameof(AccountRow.AccessFailedCount)];
    }

    private static string Values(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        Values(properties.Select(p => (p.Metadata.Name, value(p))));

    /// <summary>The row's values (but secrets) as JSON, by property name in ordinal order; an enum by its name.</summary>
    private static string Values(IEnumerable<(string Name, object? Value)> properties)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (!Secret.Contains(name))
            {
                values[name] = value;
            }
        }

        var json = Writer.Value!;
        json.Start();
        foreach (var (name, value) in values)
        {
            json.Writer.WritePropertyName(name);
            WriteValue(json.Writer, value);
        }

        return json.Finish();
    }

    /// <summary>
    /// As <see cref="Values(IEnumerable{ValueTuple{string, object}})"/> for a row read past the change tracker, with the type's
    /// properties sorted and their names encoded once (an import writes tens of thousands of these).
    /// </summary>
    private static string Values(IEntityType type, object row)
    {
        var properties = Sorted.GetOrAdd(type, static t => [.. t.GetProperties()
            .Where(p => !Secret.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (JsonEncodedText.Encode(p.Name), p.GetGetter()))]);
        var json = Writer.Value!;
        json.Start();
        foreach (var (name, getter) in properties)
        {
            json.Writer.WritePropertyName(name);
            WriteValue(json.Writer, getter.GetClrValueUsingContainingEntity(row));
        }

        return json.Finish();
    }

    /// <summary>
    /// One value as <see cref="JsonSerializer"/> writes it with <see cref="Json"/> (the trail's format since issue 6): the
    /// common types straight to the writer, as the serializer's own converters do; any other type through the serializer.
    /// </summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case DateTime t:
                writer.WriteStringValue(t);
                break;
            case DateTimeOffset t:
                writer.WriteStringValue(t);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), Json);
                break;
        }
    }

    private static readonly ConcurrentDictionary<IEntityType, (JsonEncodedText Name, IClrPropertyGetter Getter)[]> Sorted = new();

    private static readonly ThreadLocal<JsonBuffer> Writer = new(() => new JsonBuffer());

    /// <summary>A writer and its buffer, reused per thread: an entry's JSON is written into it and copied out as a string.</summary>
    private sealed class JsonBuffer
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1024);

        public JsonBuffer() => Writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = Json.WriteIndented, Encoder = Json.Encoder });

        public Utf8JsonWriter Writer { get; }

        public void Start()
        {
            buffer.ResetWrittenCount();
            Writer.Reset(buffer);
            Writer.WriteStartObject();
        }

        public string Finish()
        {
            Writer.WriteEndObject();
            Writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    private static string EntityKey(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
