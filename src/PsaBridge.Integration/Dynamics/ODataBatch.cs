using System.Text;
using System.Text.RegularExpressions;

namespace PsaBridge.Integration.Dynamics;

/// <summary>One HTTP message inside a batch: a request (method and URL) or a response (status), its headers and body.</summary>
public sealed record BatchMessage(string? Method, string? Url, int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentId => Headers.GetValueOrDefault("Content-ID");

    public static BatchMessage Request(string method, string url, string? body, string contentId) => new(method, url, 0,
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-ID"] = contentId }, body ?? "");

    public static BatchMessage Response(int status, string body, string? contentId, IReadOnlyDictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>(extra ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        if (contentId is not null) headers["Content-ID"] = contentId;
        return new(null, null, status, headers, body);
    }
}

/// <summary>A part of a batch: one message on its own, or a change set of messages that succeed or fail together.</summary>
public sealed record BatchPart(BatchMessage? Single, IReadOnlyList<BatchMessage>? ChangeSet);

/// <summary>
/// OData's multipart <c>$batch</c> format (multipart/mixed, each message an <c>application/http</c> part, change sets as
/// nested multipart parts), written and read by both the F&amp;O connector and the F&amp;O-compatible endpoint. Sources:
/// fno-odata-customers.md §1 "$batch"; the part headers as d365fo.integrations writes them.
/// </summary>
public static partial class ODataBatch
{
    private const string Crlf = "\r\n";

    public static string Write(IEnumerable<BatchPart> parts, string boundary)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append("--").Append(boundary).Append(Crlf);
            if (part.ChangeSet is { } set)
            {
                var inner = "changeset_" + Guid.NewGuid().ToString("N");
                text.Append("Content-Type: multipart/mixed; boundary=").Append(inner).Append(Crlf).Append(Crlf);
                foreach (var message in set)
                {
                    text.Append("--").Append(inner).Append(Crlf);
                    WriteMessage(text, message);
                }
                text.Append("--").Append(inner).Append("--").Append(Crlf);
            }
            else WriteMessage(text, part.Single!);
        }
        text.Append("--").Append(boundary).Append("--").Append(Crlf);
        return text.ToString();
    }

    private static void WriteMessage(StringBuilder text, BatchMessage m)
    {
        text.Append("Content-Type: application/http").Append(Crlf).Append("Content-Transfer-Encoding: binary").Append(Crlf);
        if (m.ContentId is { } id) text.Append("Content-ID: ").Append(id).Append(Crlf);
        text.Append(Crlf);
        text.Append(m.Method is not null ? $"{m.Method} {m.Url} HTTP/1.1" : $"HTTP/1.1 {m.Status} {Reason(m.Status)}").Append(Crlf);
        foreach (var (name, value) in m.Headers)
            if (!name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)) text.Append(name).Append(": ").Append(value).Append(Crlf);
        if (m.Body.Length > 0) text.Append("Content-Type: application/json;odata.metadata=minimal").Append(Crlf);
        if (m.Method is not null) text.Append("OData-Version: 4.0").Append(Crlf).Append("OData-MaxVersion: 4.0").Append(Crlf);
        text.Append(Crlf).Append(m.Body).Append(Crlf);
    }

    /// <summary>The parts of a batch body with the boundary of its <c>Content-Type</c>; a malformed body throws <see cref="FormatException"/>.</summary>
    public static List<BatchPart> Read(string body, string boundary)
    {
        var parts = new List<BatchPart>();
        foreach (var (headers, content) in Split(body, boundary))
        {
            var type = headers.GetValueOrDefault("Content-Type") ?? "";
            if (type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
                parts.Add(new BatchPart(null, Split(content, BoundaryOf(type)).Select(p => ReadMessage(p.Headers, p.Content)).ToList()));
            else parts.Add(new BatchPart(ReadMessage(headers, content), null));
        }
        return parts;
    }

    public static string BoundaryOf(string contentType) =>
        BoundaryPattern().Match(contentType) is { Success: true } m ? m.Groups[1].Value.Trim('"')
            : throw new FormatException("The batch's Content-Type names no boundary.");

    private static BatchMessage ReadMessage(Dictionary<string, string> partHeaders, string content)
    {
        var (headerText, body) = Cut(content);
        var lines = headerText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines[0].Split(' ', 3);
        var headers = Headers(lines.Skip(1));
        if (partHeaders.GetValueOrDefault("Content-ID") is { } id) headers["Content-ID"] = id;
        body = body.TrimEnd('\r', '\n');
        if (first[0].StartsWith("HTTP/", StringComparison.Ordinal))
            return new BatchMessage(null, null, int.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
        if (first.Length < 2) throw new FormatException($"A batch part's request line '{lines[0]}' has no URL.");
        return new BatchMessage(first[0], first[1], 0, headers, body);
    }

    private static List<(Dictionary<string, string> Headers, string Content)> Split(string body, string boundary)
    {
        var parts = new List<(Dictionary<string, string>, string)>();
        var delimiter = "--" + boundary;
        var chunks = body.Split(delimiter);
        if (chunks.Length < 2) throw new FormatException($"The batch has no part delimited by '{delimiter}'.");
        foreach (var chunk in chunks.Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal)) break;
            var (headerText, content) = Cut(chunk.TrimStart('\r', '\n'));
            parts.Add((Headers(headerText.Split('\n').Select(l => l.TrimEnd('\r'))), content));
        }
        return parts;
    }

    /// <summary>The text before the first blank line, and what follows it.</summary>
    private static (string Head, string Tail) Cut(string text)
    {
        var blank = BlankLine().Match(text);
        return blank.Success ? (text[..blank.Index], text[(blank.Index + blank.Length)..]) : (text, "");
    }

    private static Dictionary<string, string> Headers(IEnumerable<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 201 => "Created", 204 => "No Content", 400 => "Bad Request", 404 => "Not Found",
        429 => "Too Many Requests", 500 => "Internal Server Error", _ => "Status",
    };

    [GeneratedRegex("boundary=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"\r?\n\r?\n")]
    private static partial Regex BlankLine();
}
