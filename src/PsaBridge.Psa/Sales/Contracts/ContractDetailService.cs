using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>The details (estimates) of a draft contract's lines (see <see cref="DealDetails{TDeal,TLine,TDetail}"/>).</summary>
public sealed class ContractDetailService(ContractStore store) : DealDetails<ProjectContract, ContractLine, ContractLineDetail>(store, "Contract line detail");
