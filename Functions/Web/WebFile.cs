namespace TetReadiness.Web;

/// <summary>One page or asset as it is served: its bytes (with the asset version filled in) and its content type.</summary>
public sealed record WebFile(string Name, string ContentType, byte[] Content, bool IsPage);
