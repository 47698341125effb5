using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Web.OData;

namespace PsaBridge.Reporting.Tests.OData;

public sealed class OptionSetLabelsTests
{
    [Theory]
    [InlineData(typeof(TransactionType), 192350005, "Unbilled Sales")]
    [InlineData(typeof(TransactionType), 192350008, "Inter-Organizational Sales")]
    [InlineData(typeof(BillingType), 192350000, "Non Chargeable")]
    [InlineData(typeof(BillingMethod), 192350000, "Time and Material")]
    [InlineData(typeof(OrderType), 192350001, "Work based")]
    [InlineData(typeof(BillingStatus), 192350004, "Ready to Invoice")]
    [InlineData(typeof(TransactionType), 7, "7")]
    public void An_option_set_value_is_labelled_as_dataverse_labels_it(Type optionSet, int value, string label) =>
        OptionSetLabels.Label(optionSet, value).ShouldBe(label);

    [Fact]
    public void A_feed_column_is_an_option_set_when_the_psa_property_it_reads_is_an_enum()
    {
        FeedCatalog.Instance.OptionSetOf("msdyn_actual", "msdyn_transactiontypecode").ShouldBe(typeof(TransactionType));
        FeedCatalog.Instance.OptionSetOf("msdyn_actual", "msdyn_billingstatus").ShouldBe(typeof(BillingStatus));
        FeedCatalog.Instance.OptionSetOf("salesorderdetail", "msdyn_billingmethod").ShouldBe(typeof(BillingMethod));
        FeedCatalog.Instance.OptionSetOf("msdyn_actual", "msdyn_amount").ShouldBeNull();
    }
}
