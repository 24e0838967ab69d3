namespace TetReadiness.Tests.Infra;

/// <summary>An entry of infra/optional-settings.json: a setting the app binds that the template leaves unset, and why.</summary>
public sealed record OptionalSetting(string Name, string Reason);
