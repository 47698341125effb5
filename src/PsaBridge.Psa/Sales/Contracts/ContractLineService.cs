using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>The lines of a draft contract, their milestones and invoice schedules (see <see cref="DealLines{TDeal,TLine,TDetail}"/>).</summary>
public sealed class ContractLineService(ContractStore store) : DealLines<ProjectContract, ContractLine, ContractLineDetail>(store);
