using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteRatingOfferTests : RatingOfferContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-offer-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();
}
