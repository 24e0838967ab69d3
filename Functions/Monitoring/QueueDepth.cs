namespace TetReadiness.Monitoring;

/// <summary>One queue at one moment: messages waiting, how long the oldest has waited, and messages in its poison twin.</summary>
public sealed record QueueDepth(string Queue, long Length, int OldestAgeMinutes, long PoisonLength);
