using System.Text;
using TetReadiness.Web;

namespace TetReadiness.Tests.Web;

public sealed class WebFilesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "tetreadiness-webfiles-" + Guid.NewGuid().ToString("N")[..8]);

    public WebFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "form.html"), "<script src=\"/assets/form.js?v={{version}}\"></script>");
        File.WriteAllText(Path.Combine(root, "assets", "form.js"), "import { h } from './dom.js?v={{version}}';");
        File.WriteAllText(Path.Combine(root, "assets", "dom.js"), "export const h = 1;");
        File.WriteAllText(Path.Combine(root, "assets", "notes.txt"), "not served");
        File.WriteAllText(Path.Combine(root, "assets", "Bad Name.js"), "not served");
        File.WriteAllText(Path.Combine(root, "secret.json"), "{}");
    }

    [Fact]
    public void Pages_and_assets_get_the_version_of_every_file_in_place_of_the_token()
    {
        var files = WebFiles.Load(root);

        Assert.Matches("^[0-9a-f]{12}$", files.Version);
        Assert.Equal($"<script src=\"/assets/form.js?v={files.Version}\"></script>", Encoding.UTF8.GetString(files.Page("form")!.Content));
        Assert.Equal($"import {{ h }} from './dom.js?v={files.Version}';", Encoding.UTF8.GetString(files.Asset("form.js")!.Content));
        Assert.Equal("text/javascript; charset=utf-8", files.Asset("dom.js")!.ContentType);
        Assert.Equal("text/html; charset=utf-8", files.Page("form")!.ContentType);
    }

    [Fact]
    public void A_change_to_any_file_changes_the_version()
    {
        var before = WebFiles.Load(root).Version;
        File.AppendAllText(Path.Combine(root, "assets", "dom.js"), "\n");

        Assert.NotEqual(before, WebFiles.Load(root).Version);
    }

    [Theory]
    [InlineData("../form.html")]
    [InlineData("..")]
    [InlineData("notes.txt")]
    [InlineData("Bad Name.js")]
    [InlineData("secret.json")]
    [InlineData("FORM.JS")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_shipped_assets_with_plain_names_and_known_types_are_found(string? name)
    {
        Assert.Null(WebFiles.Load(root).Asset(name));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
