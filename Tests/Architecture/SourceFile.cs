namespace TetReadiness.Tests.Architecture;

/// <summary>A file under <c>Functions/</c>: its path from there, its feature folder (null at the top), its code without comments.</summary>
public sealed record SourceFile(string RelativePath, string? Folder, string Code);
