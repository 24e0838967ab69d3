using System.Text;
using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary>
/// The roster body is checked for UTF-8 while it is spooled, a block at a time: the refusal names the same byte as a
/// check of the whole body would, wherever the bad byte falls against the blocks.
/// </summary>
public sealed class RosterBodyEncodingTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const int Block = 64 * 1024;

    public static TheoryData<int, int> BadBytes() => new()
    {
        { 0, 1 }, { 500, 1 }, { Block - 1, 1 }, { Block, 1 }, { Block + 1, 1 },
        { Block - 1, 2 }, { Block - 2, 3 }, { (3 * Block) - 1, 2 }, { -1, 2 }, { -2, 3 },
    };

    [Theory]
    [MemberData(nameof(BadBytes))]
    public async Task A_body_that_is_not_UTF8_is_refused_naming_the_first_bad_byte(int at, int sequenceLength)
    {
        var body = Body(4 * Block, at, sequenceLength);
        var expected = Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(body)).Index;

        await ProblemAssert.RefusedAsync(fixture.App, 400, $"byte {expected})", () => ImportAsync(body));
    }

    [Fact]
    public async Task A_body_too_large_is_refused_as_too_large_even_when_it_is_not_UTF8_either()
    {
        var body = new byte[RosterImporter.MaxBytes + 1];
        Array.Fill(body, (byte)'a');
        body[0] = 0xFF;

        await ProblemAssert.RefusedAsync(fixture.App, 413, "20480 KiB", () => ImportAsync(body));
    }

    /// <summary>ASCII roster rows, with a multi-byte sequence cut after its first byte (or a lone 0xFF) at <paramref name="at"/> (from the end when negative).</summary>
    private static byte[] Body(int length, int at, int sequenceLength)
    {
        var text = new StringBuilder(LargeRoster.Header);
        while (text.Length < length)
        {
            text.Append("khu-0000,Khu,khu-0000-dv-00000,Don vi,,\n");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString(0, length));
        var position = at < 0 ? length + at : at;
        bytes[position] = sequenceLength switch { 2 => 0xC3, 3 => 0xE1, _ => 0xFF };
        return bytes;
    }

    private Task<HttpResponseSnapshot> ImportAsync(byte[] body)
    {
        var request = HttpCall.Request("PUT", "/api/roster", contentType: "text/csv");
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        return HttpCall.RunAsync(request, r => fixture.App.Create<RosterFunctions>().ImportRoster(r, CancellationToken.None));
    }
}
