using PsaBridge.Infrastructure.Storage;
namespace PsaBridge.Psa.Actuals;

/// <summary>
/// What a business event writes: new journals, journal lines, actuals, invoice line details and the
/// origin and connection records between them. The posting rules fill one in memory; the services
/// add all of it to the context and save once, so a batch of events is one round of inserts.
/// </summary>
public sealed class Posting
{
    public List<Journals.Journal> Journals { get; } = [];
    public List<Journals.JournalLine> JournalLines { get; } = [];
    public List<Actual> Actuals { get; } = [];
    public List<TransactionOrigin> Origins { get; } = [];
    public List<TransactionConnection> Connections { get; } = [];

    public void Origin(Guid originId, string originType, Guid transactionId, string transactionType) =>
        Origins.Add(new TransactionOrigin
        {
            Id = Ids.New(), OriginId = originId, OriginType = originType, TransactionId = transactionId, TransactionType = transactionType,
        });

    public void Connect(Guid id1, string role1, string type1, Guid id2, string role2, string type2) =>
        Connections.Add(new TransactionConnection
        {
            Id = Ids.New(), Transaction1Id = id1, Transaction1Role = role1, Transaction1Type = type1,
            Transaction2Id = id2, Transaction2Role = role2, Transaction2Type = type2,
        });

    public void AddTo(PsaDb db)
    {
        db.AddRange(Journals);
        db.AddRange(JournalLines);
        db.AddRange(Actuals);
        db.AddRange(Origins);
        db.AddRange(Connections);
    }
}
