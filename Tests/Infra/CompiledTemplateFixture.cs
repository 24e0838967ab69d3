namespace TetReadiness.Tests.Infra;

/// <summary>Compiles infra/main.bicep once per test run; the infrastructure tests read the resulting ARM JSON.</summary>
public sealed class CompiledTemplateFixture : IDisposable
{
    private readonly string outputDirectory = Directory.CreateTempSubdirectory("tetreadiness-infra-").FullName;

    public CompiledTemplateFixture()
    {
        var outputFile = Path.Combine(outputDirectory, "main.json");
        Build = BicepCli.Run(["build", InfraPaths.MainTemplate, "--outfile", outputFile]);
        if (Build.ExitCode != 0 || !File.Exists(outputFile))
        {
            throw new InvalidOperationException($"infra/main.bicep does not compile.\n{Build.Describe()}");
        }

        Template = ArmTemplate.Parse(File.ReadAllText(outputFile));
    }

    public BicepResult Build { get; }

    public ArmTemplate Template { get; }

    public void Dispose() => Directory.Delete(outputDirectory, recursive: true);
}
