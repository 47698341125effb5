namespace PsaBridge.Web.Pages.Psa;

/// <summary>The addresses of the project-accounting pages, in one place.</summary>
public static class PsaLinks
{
    public static string TimeWeek(Guid resourceId, DateOnly day) => $"/psa/time?resource={resourceId}&week={day:yyyy-MM-dd}";
    public static string Expenses(Guid resourceId) => $"/psa/expenses?resource={resourceId}";
    public static string Actual(Guid id) => $"/psa/actuals/{id}";
    public static string Actuals(string query = "") => "/psa/actuals" + query;
    public static string Invoice(Guid id) => $"/psa/invoices/{id}";
    public static string NewInvoice(Guid? contractId = null) => contractId is { } c ? $"/psa/invoices/new?contract={c}" : "/psa/invoices/new";
    public static string Contract(Guid id) => $"/psa/contracts/{id}";
    public static string Project(Guid id) => $"/psa/projects/{id}";
}
