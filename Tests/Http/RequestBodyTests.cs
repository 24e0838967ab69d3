using System.Text;
using Microsoft.AspNetCore.Http;
using TetReadiness.Http;
using TetReadiness.Messages;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Http;

/// <summary>Bodies are checked in the order the API promises: media type (415), size (413), then syntax (400).</summary>
public sealed class RequestBodyTests
{
    private static HttpRequest Request(byte[] body, string? contentType, bool declareLength = true)
    {
        var request = HttpCall.Request("PUT", "/api/x", contentType: contentType);
        request.Body = new MemoryStream(body);
        request.ContentLength = declareLength ? body.Length : null;
        return request;
    }

    private static HttpRequest Request(string body, string? contentType = "application/json") => Request(Encoding.UTF8.GetBytes(body), contentType);

    private static async Task<RefusalException> RefusedAsync(Func<Task> read) => await Assert.ThrowsAsync<RefusalException>(read);

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/problem+json")]
    public async Task JSON_is_accepted_as_UTF8_with_or_without_a_charset(string contentType)
    {
        var body = await RequestBody.ReadJsonAsync<SubmissionRequest>(Request("{\"answers\":[{\"itemId\":\"a\",\"status\":\"ready\"}]}", contentType), CancellationToken.None);

        Assert.Equal("a", Assert.Single(body.Answers!)!.ItemId);
    }

    [Fact]
    public async Task JSON_saved_with_a_UTF8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"answers\":[{\"itemId\":\"a\",\"status\":\"ready\",\"note\":\"Đã xong\"}]}")).ToArray();

        var body = await RequestBody.ReadJsonAsync<SubmissionRequest>(Request(bytes, "application/json"), CancellationToken.None);

        Assert.Equal("Đã xong", Assert.Single(body.Answers!)!.Note);
    }

    [Fact]
    public async Task Unknown_JSON_members_are_ignored_and_names_are_case_insensitive()
    {
        var body = await RequestBody.ReadJsonAsync<SubmissionRequest>(Request("{\"Answers\":[{\"ITEMID\":\"a\",\"status\":\"ready\",\"extra\":1}],\"other\":true}"), CancellationToken.None);

        Assert.Equal("a", Assert.Single(body.Answers!)!.ItemId);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("not a media type")]
    [InlineData(null)]
    public async Task Anything_but_UTF8_JSON_is_an_unsupported_media_type(string? contentType)
    {
        var problem = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(Request("{}", contentType), CancellationToken.None));

        Assert.Equal(415, problem.Status);
    }

    [Fact]
    public async Task The_media_type_is_checked_before_the_size()
    {
        var problem = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(Request(new byte[RequestBody.DefaultLimitBytes + 1], "text/plain"), CancellationToken.None));

        Assert.Equal(415, problem.Status);
    }

    [Fact]
    public async Task A_body_of_exactly_256_KiB_is_read_and_one_byte_more_is_too_large()
    {
        var padding = new string(' ', RequestBody.DefaultLimitBytes - 2);
        var atLimit = Encoding.UTF8.GetBytes("{" + padding + "}");
        Assert.Equal(RequestBody.DefaultLimitBytes, atLimit.Length);
        await RequestBody.ReadJsonAsync<SubmissionRequest>(Request(atLimit, "application/json"), CancellationToken.None);

        var overLimit = Encoding.UTF8.GetBytes("{ " + padding + "}");
        var declared = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(Request(overLimit, "application/json"), CancellationToken.None));
        var streamed = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(Request(overLimit, "application/json", declareLength: false), CancellationToken.None));

        Assert.Equal((413, 413), (declared.Status, streamed.Status));
        Assert.Contains("256 KiB", declared.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading_the_body()
    {
        var request = Request(Encoding.UTF8.GetBytes("{}"), "application/json");
        request.ContentLength = RequestBody.DefaultLimitBytes + 1L;
        request.Body = new UnreadableStream();

        var problem = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(request, CancellationToken.None));

        Assert.Equal(413, problem.Status);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"answers\":[", "Malformed JSON")]
    [InlineData("[1,2]", "Malformed JSON")]
    [InlineData("{\"answers\":[],}", "Malformed JSON")]
    [InlineData("{/* comment */}", "Malformed JSON")]
    public async Task Bodies_that_are_not_a_JSON_object_are_bad_requests(string body, string detail)
    {
        var problem = await RefusedAsync(() => RequestBody.ReadJsonAsync<SubmissionRequest>(Request(body), CancellationToken.None));

        Assert.Equal(400, problem.Status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_read_as_UTF8_without_its_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Quận Ba Đình")).ToArray();

        var text = await RequestBody.ReadTextAsync(Request(bytes, "text/csv; charset=utf-8"), "text/csv", 1024, CancellationToken.None);

        Assert.Equal("Quận Ba Đình", text);
    }

    [Fact]
    public async Task Text_that_is_not_UTF8_is_refused_saying_how_to_save_it()
    {
        var problem = await RefusedAsync(() => RequestBody.ReadTextAsync(Request([0x51, 0x75, 0xE2, 0xF2, 0x6E], "text/csv"), "text/csv", 1024, CancellationToken.None));

        Assert.Equal(400, problem.Status);
        Assert.Contains("not valid UTF-8", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("byte 2", problem.Detail, StringComparison.Ordinal);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The body was read.");
    }
}
