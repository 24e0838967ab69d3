using System.ComponentModel.DataAnnotations;

namespace TetReadiness.Storage;

/// <summary>
/// Settings under the connection name <c>Storage</c>. The connection itself is either the plain value
/// <c>Storage</c> (a connection string: Azurite locally) or, in Azure, <c>Storage__accountName</c> or the
/// service URIs, used with <c>DefaultAzureCredential</c> (managed identity). Queue triggers use the same name.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? AccountName { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Where <c>ExportTables</c> writes its backups (container <c>backups</c>); derived from the account name when unset.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Per-attempt network timeout. Azure's default is generous; tests set it small.</summary>
    [Range(1, 300, ErrorMessage = "Storage__NetworkTimeoutSeconds must be between 1 and 300.")]
    public int NetworkTimeoutSeconds { get; set; } = 20;

    /// <summary>Retries after the first attempt, exponential back-off.</summary>
    [Range(0, 10, ErrorMessage = "Storage__MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Optional prefix on every table name (letters and digits), so several test runs or tenants can share an account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,30})?$", ErrorMessage = "Storage__TablePrefix must be letters and digits, starting with a letter, at most 31 characters.")]
    public string TablePrefix { get; set; } = string.Empty;
}
