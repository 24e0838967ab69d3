namespace TetReadiness.Hosting.Local;

public enum FunctionTriggerKind
{
    Http,
    Timer,
    Queue,
}
