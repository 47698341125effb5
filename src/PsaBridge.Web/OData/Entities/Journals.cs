using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Journals;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Journal (<c>msdyn_journal</c>).</summary>
[FeedEntity("msdyn_journals", typeof(Journal))]
public sealed class msdyn_journal
{
    [Key, From(nameof(Journal.Id))] public Guid msdyn_journalid { get; set; }
    [From(nameof(Journal.Description))] public string? msdyn_description { get; set; }
    [From(nameof(Journal.JournalType))] public int msdyn_journaltype { get; set; }
    [From(nameof(Journal.IsPosted))] public bool msdyn_isposted { get; set; }
    [From(nameof(Journal.CreatedOn))] public DateTime createdon { get; set; }
}

/// <summary>Journal line (<c>msdyn_journalline</c>): a priced transaction waiting to be posted.</summary>
[FeedEntity("msdyn_journallines", typeof(JournalLine))]
public sealed class msdyn_journalline : BusinessTransactionColumns
{
    [Key, From(nameof(JournalLine.Id))] public Guid msdyn_journallineid { get; set; }
    [From(nameof(JournalLine.IsPosted))] public bool msdyn_isposted { get; set; }
    [From(nameof(JournalLine.BillingStatus))] public int? msdyn_billingstatus { get; set; }

    [From(nameof(JournalLine.JournalId))] public Guid _msdyn_journal_value { get; set; }
    [ForeignKey(nameof(_msdyn_journal_value))] public msdyn_journal? msdyn_journal { get; set; }
}
