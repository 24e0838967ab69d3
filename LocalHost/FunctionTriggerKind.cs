namespace TetReadiness.LocalHost;

public enum FunctionTriggerKind
{
    Http,
    Timer,
    Queue,
}
