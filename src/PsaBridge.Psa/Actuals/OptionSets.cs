namespace PsaBridge.Psa.Actuals;

// Dataverse option sets of the business-transaction columns (reference/psa-data-model.md §2).
// The integers are Microsoft's, so rows can be exchanged with a real environment unchanged.

/// <summary><c>msdyn_transactiontypecode</c>.</summary>
public enum TransactionType
{
    Cost = 192350000,
    ProjectContract = 192350004,
    UnbilledSales = 192350005,
    BilledSales = 192350006,
    ResourcingUnitCost = 192350007,
    InterOrganizationalSales = 192350008,
}

/// <summary><c>msdyn_transactionclassification</c>.</summary>
public enum TransactionClass
{
    Time = 192350000,
    Expense = 192350001,
    Material = 192350002,
    Milestone = 192350003,
    Fee = 192350004,
    Tax = 690970002,
}

/// <summary><c>msdyn_billingtype</c>.</summary>
public enum BillingType
{
    NonChargeable = 192350000,
    Chargeable = 192350001,
    Complimentary = 192350002,
    NotAvailable = 192350003,
}

/// <summary><c>msdyn_billingstatus</c>: how far a sales transaction has come on its way to an invoice.</summary>
public enum BillingStatus
{
    UnbilledSalesCreated = 192350000,
    CustomerInvoiceCreated = 192350001,
    CustomerInvoicePosted = 192350002,
    Canceled = 192350003,
    ReadyToInvoice = 192350004,
}

/// <summary><c>msdyn_adjustmentstatus</c>.</summary>
public enum AdjustmentStatus
{
    InProcess = 192350000,
    Adjusted = 192350001,
    Unadjustable = 192350002,
}

/// <summary><c>msdyn_amountmethod</c>.</summary>
public enum AmountMethod
{
    MultiplyQuantityByPrice = 192350000,
    FixedPrice = 192350001,
    MultiplyBasisQuantityByPrice = 192350002,
    MultiplyBasisAmountByPercent = 192350003,
}

/// <summary>Money rounding: amounts are rounded to cents, half away from zero, once, when a transaction is priced.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
