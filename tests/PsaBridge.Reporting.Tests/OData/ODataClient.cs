using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>
/// A standard OData client: Microsoft.OData.Core's reader, given the service's own $metadata, reading an entity set
/// and following <c>@odata.nextLink</c> until there is none, the way Power Query's OData.Feed pages.
/// </summary>
internal sealed class ODataClient(HttpClient http)
{
    public int Requests { get; private set; }

    public async Task<IEdmModel> MetadataAsync()
    {
        using var response = await http.GetAsync("/odata/$metadata");
        response.EnsureSuccessStatusCode();
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return CsdlReader.Parse(xml);
    }

    /// <summary>Every row of <paramref name="entitySet"/> from <paramref name="url"/> on, as property bags.</summary>
    public async Task<List<Dictionary<string, object?>>> ReadAllAsync(IEdmModel model, string entitySet, string url)
    {
        var set = model.EntityContainer.FindEntitySet(entitySet);
        var rows = new List<Dictionary<string, object?>>();
        Uri? next = new(http.BaseAddress!, url);
        while (next is not null)
        {
            Requests++;
            using var response = await http.GetAsync(next);
            response.EnsureSuccessStatusCode();
            var message = new ResponseMessage(response, await response.Content.ReadAsStreamAsync());
            using var reader = new ODataMessageReader((IODataResponseMessage)message, new ODataMessageReaderSettings(), model);
            var feed = reader.CreateODataResourceSetReader(set, set.EntityType);
            next = null;
            while (feed.Read())
            {
                if (feed.State == ODataReaderState.ResourceEnd && feed.Item is ODataResource resource)
                    rows.Add(resource.Properties.OfType<ODataProperty>().ToDictionary(p => p.Name, p => (object?)p.Value));
                else if (feed.State == ODataReaderState.ResourceSetEnd && feed.Item is ODataResourceSet page)
                    next = page.NextPageLink;
            }
        }
        return rows;
    }

    private sealed class ResponseMessage(HttpResponseMessage response, Stream body) : IODataResponseMessage
    {
        public IEnumerable<KeyValuePair<string, string>> Headers =>
            response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)));

        public int StatusCode { get => (int)response.StatusCode; set => throw new NotSupportedException(); }

        public string? GetHeader(string headerName) => Headers.FirstOrDefault(h => string.Equals(h.Key, headerName, StringComparison.OrdinalIgnoreCase)).Value;

        public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

        public Stream GetStream() => body;
    }
}
