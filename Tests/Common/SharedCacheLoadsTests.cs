using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Tests.Common;

public sealed class SharedCacheLoadsTests
{
    [Fact]
    public async Task Callers_that_miss_together_share_one_load_and_later_callers_get_the_cached_value()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var loads = 0;
        var release = new TaskCompletionSource<string>();
        Task<string> Load(CancellationToken _)
        {
            Interlocked.Increment(ref loads);
            return release.Task;
        }

        var waiting = Enumerable.Range(0, 20).Select(_ => cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), Load, CancellationToken.None)).ToList();
        release.SetResult("value");

        Assert.All(await Task.WhenAll(waiting), v => Assert.Equal("value", v));
        Assert.Equal("value", await cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), Load, CancellationToken.None));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_failed_load_is_not_remembered()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var attempts = 0;
        Task<int> Load(CancellationToken _) => ++attempts == 1 ? Task.FromException<int>(new TimeoutException("storage away")) : Task.FromResult(attempts);

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), Load, CancellationToken.None));
        Assert.Equal(2, await cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), Load, CancellationToken.None));
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_load_for_the_others()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var release = new TaskCompletionSource<string>();
        using var impatient = new CancellationTokenSource();
        var first = cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), _ => release.Task, impatient.Token);
        var second = cache.GetOrLoadAsync("k", TimeSpan.FromMinutes(1), _ => Task.FromResult("other"), CancellationToken.None);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult("value");
        Assert.Equal("value", await second);
    }
}
