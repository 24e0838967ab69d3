namespace TetReadiness.Tests.Infra;

/// <summary>The infrastructure tests share one compiled template and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Infra";
}
