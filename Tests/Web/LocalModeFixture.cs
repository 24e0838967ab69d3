namespace TetReadiness.Tests.Web;

/// <summary>The app in local mode with tables of its own, without a browser.</summary>
public sealed class LocalModeFixture : IAsyncLifetime
{
    public WebApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await WebApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
