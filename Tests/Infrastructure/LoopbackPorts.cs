using System.Net;
using System.Net.Sockets;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>Loopback ports for the Azurite and stubs the tests and the benchmark start (Benchmarks/ compiles this file too).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free now; another process can still take it before it is bound, so callers retry on failure.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
