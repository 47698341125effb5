using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Actual (<c>msdyn_actual</c>): the basis of almost every finance report.</summary>
[FeedEntity("msdyn_actuals", typeof(Actual))]
public sealed class msdyn_actual : BusinessTransactionColumns
{
    [Key, From(nameof(Actual.Id))] public Guid msdyn_actualid { get; set; }
    [From(nameof(Actual.BillingStatus))] public int? msdyn_billingstatus { get; set; }
    [From(nameof(Actual.AdjustmentStatus))] public int? msdyn_adjustmentstatus { get; set; }
    [From(nameof(Actual.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(Actual.InvoiceId))] public Guid? _msdyn_invoice_value { get; set; }
    [ForeignKey(nameof(_msdyn_invoice_value))] public invoice? msdyn_invoice { get; set; }
}

/// <summary>Transaction origin (<c>msdyn_transactionorigin</c>). Dataverse keeps the two ids as text; here they are GUIDs.</summary>
[FeedEntity("msdyn_transactionorigins", typeof(TransactionOrigin))]
public sealed class msdyn_transactionorigin
{
    [Key, From(nameof(TransactionOrigin.Id))] public Guid msdyn_transactionoriginid { get; set; }
    [From(nameof(TransactionOrigin.OriginId))] public Guid msdyn_origin { get; set; }
    [From(nameof(TransactionOrigin.OriginType))] public string? msdyn_origintype { get; set; }
    [From(nameof(TransactionOrigin.TransactionId))] public Guid msdyn_transaction { get; set; }
    [From(nameof(TransactionOrigin.TransactionType))] public string? msdyn_transactiontype { get; set; }
}

/// <summary>Transaction connection (<c>msdyn_transactionconnection</c>). Dataverse keeps the two ids as text; here they are GUIDs.</summary>
[FeedEntity("msdyn_transactionconnections", typeof(TransactionConnection))]
public sealed class msdyn_transactionconnection
{
    [Key, From(nameof(TransactionConnection.Id))] public Guid msdyn_transactionconnectionid { get; set; }
    [From(nameof(TransactionConnection.Transaction1Id))] public Guid msdyn_transaction1 { get; set; }
    [From(nameof(TransactionConnection.Transaction1Role))] public string? msdyn_transaction1role { get; set; }
    [From(nameof(TransactionConnection.Transaction1Type))] public string? msdyn_transaction1type { get; set; }
    [From(nameof(TransactionConnection.Transaction2Id))] public Guid msdyn_transaction2 { get; set; }
    [From(nameof(TransactionConnection.Transaction2Role))] public string? msdyn_transaction2role { get; set; }
    [From(nameof(TransactionConnection.Transaction2Type))] public string? msdyn_transaction2type { get; set; }
}
