using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Time;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Time entry (<c>msdyn_timeentry</c>); <c>msdyn_duration</c> is minutes.</summary>
[FeedEntity("msdyn_timeentries", typeof(TimeEntry))]
public sealed class msdyn_timeentry
{
    [Key, From(nameof(TimeEntry.Id))] public Guid msdyn_timeentryid { get; set; }
    [From(nameof(TimeEntry.Date))] public DateOnly msdyn_date { get; set; }
    [From(nameof(TimeEntry.Duration))] public int msdyn_duration { get; set; }
    [From(nameof(TimeEntry.Type))] public int msdyn_type { get; set; }
    [From(nameof(TimeEntry.EntryStatus))] public int msdyn_entrystatus { get; set; }
    [From(nameof(TimeEntry.Description))] public string? msdyn_description { get; set; }
    [From(nameof(TimeEntry.ExternalDescription))] public string? msdyn_externaldescription { get; set; }
    [From(nameof(TimeEntry.CreatedOn))] public DateTime createdon { get; set; }
    [From(nameof(TimeEntry.ModifiedOn))] public DateTime modifiedon { get; set; }

    [From(nameof(TimeEntry.ResourceId))] public Guid _msdyn_bookableresource_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresource_value))] public bookableresource? msdyn_bookableresource { get; set; }

    [From(nameof(TimeEntry.ProjectId))] public Guid _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }

    [From(nameof(TimeEntry.TaskId))] public Guid? _msdyn_projecttask_value { get; set; }
    [ForeignKey(nameof(_msdyn_projecttask_value))] public msdyn_projecttask? msdyn_projecttask { get; set; }

    [From(nameof(TimeEntry.RoleId))] public Guid _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }

    [From(nameof(TimeEntry.ResourceOrganizationalUnitId))] public Guid _msdyn_resourceorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourceorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_resourceorganizationalunitid { get; set; }
}

/// <summary>
/// Expense (<c>msdyn_expense</c>). Its category is a transaction category here (Dataverse's <c>msdyn_expensecategory</c>
/// names one by <c>msdyn_expensecategoryuid</c>); task and resource are lookups of our own naming.
/// </summary>
[FeedEntity("msdyn_expenses", typeof(ExpenseEntry))]
public sealed class msdyn_expense
{
    [Key, From(nameof(ExpenseEntry.Id))] public Guid msdyn_expenseid { get; set; }
    [From(nameof(ExpenseEntry.TransactionDate))] public DateOnly msdyn_transactiondate { get; set; }
    [From(nameof(ExpenseEntry.Quantity))] public decimal msdyn_quantity { get; set; }
    [From(nameof(ExpenseEntry.Unit))] public string? msdyn_unit { get; set; }
    [From(nameof(ExpenseEntry.Price))] public decimal msdyn_price { get; set; }
    [From(nameof(ExpenseEntry.Amount))] public decimal msdyn_amount { get; set; }
    [From(nameof(ExpenseEntry.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(ExpenseEntry.ExpenseStatus))] public int msdyn_expensestatus { get; set; }
    [From(nameof(ExpenseEntry.Description))] public string? msdyn_name { get; set; }
    [From(nameof(ExpenseEntry.CreatedOn))] public DateTime createdon { get; set; }
    [From(nameof(ExpenseEntry.ModifiedOn))] public DateTime modifiedon { get; set; }

    [From(nameof(ExpenseEntry.TransactionCategoryId))] public Guid _msdyn_expensecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_expensecategory_value))] public msdyn_transactioncategory? msdyn_expensecategory { get; set; }

    [From(nameof(ExpenseEntry.ProjectId))] public Guid _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }

    [From(nameof(ExpenseEntry.TaskId))] public Guid? _msdyn_projecttask_value { get; set; }
    [ForeignKey(nameof(_msdyn_projecttask_value))] public msdyn_projecttask? msdyn_projecttask { get; set; }

    [From(nameof(ExpenseEntry.ResourceId))] public Guid? _msdyn_bookableresource_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresource_value))] public bookableresource? msdyn_bookableresource { get; set; }
}
