using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TetReadiness.Web;

/// <summary>
/// The pages (<c>wwwroot/*.html</c>) and assets (<c>wwwroot/assets/*</c>) shipped with the app, read once. Only files
/// found there at start-up can be served, looked up by a plain name, so no request path ever reaches the file system.
/// <see cref="VersionToken"/> in a page, script or style sheet becomes a hash of every file: pages ask for
/// <c>app.css?v={version}</c>, which may then be cached for a year, and a new deployment changes the address.
/// </summary>
public sealed partial class WebFiles
{
    public const string VersionToken = "{{version}}";

    private static readonly Lazy<WebFiles> SharedFiles = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot")));

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    private readonly Dictionary<string, WebFile> pages;
    private readonly Dictionary<string, WebFile> assets;

    private WebFiles(Dictionary<string, WebFile> pages, Dictionary<string, WebFile> assets, string version)
    {
        this.pages = pages;
        this.assets = assets;
        Version = version;
    }

    /// <summary>The files in the app's output folder (<c>Web/wwwroot</c>), as both hosts serve them.</summary>
    public static WebFiles Shared => SharedFiles.Value;

    public string Version { get; }

    public IReadOnlyCollection<string> PageNames => pages.Keys;

    public IReadOnlyCollection<string> AssetNames => assets.Keys;

    public static WebFiles Load(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The web files are missing: {root} (they are copied to the app's output by the build).");
        }

        var pageFiles = Directory.GetFiles(root, "*.html").Select(path => (Path.GetFileNameWithoutExtension(path), path, IsPage: true));
        var assetFolder = Path.Combine(root, "assets");
        var assetFiles = Directory.Exists(assetFolder)
            ? Directory.GetFiles(assetFolder).Select(path => (Path.GetFileName(path), path, IsPage: false))
            : [];
        var files = pageFiles.Concat(assetFiles)
            .Where(f => SafeName().IsMatch(f.Item1) && ContentTypes.ContainsKey(Path.GetExtension(f.path)))
            .Select(f => (Name: f.Item1, f.path, f.IsPage, Bytes: File.ReadAllBytes(f.path)))
            .OrderBy(f => f.IsPage).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Name));
            hash.AppendData(file.Bytes);
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        WebFile Build((string Name, string Path, bool IsPage, byte[] Bytes) file)
        {
            var contentType = ContentTypes[System.IO.Path.GetExtension(file.Path)];
            var bytes = contentType.StartsWith("text/", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(file.Bytes).Replace(VersionToken, version, StringComparison.Ordinal))
                : file.Bytes;
            return new WebFile(file.Name, contentType, bytes, file.IsPage);
        }

        return new WebFiles(
            files.Where(f => f.IsPage).ToDictionary(f => f.Name, Build, StringComparer.Ordinal),
            files.Where(f => !f.IsPage).ToDictionary(f => f.Name, Build, StringComparer.Ordinal),
            version);
    }

    /// <summary>A page by name (<c>form</c> for <c>form.html</c>), or null.</summary>
    public WebFile? Page(string name) => pages.GetValueOrDefault(name);

    /// <summary>An asset by file name (<c>app.css</c>), or null: names with a path, dots before the extension or odd characters never match.</summary>
    public WebFile? Asset(string? name) => name is not null && SafeName().IsMatch(name) ? assets.GetValueOrDefault(name) : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}(\\.[a-z0-9]{1,8})?$")]
    private static partial Regex SafeName();
}
