using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;
using TetReadiness.Submissions;

namespace TetReadiness.Reviews;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Reviews: their table, the review log that submissions ask about the lock, the endpoints' services and the repair.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOwnedTables("Reviews", ReviewTables.All);
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<IReviewLedger, ReviewLedger>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewQueueService>();
        services.AddSingleton<ReviewRepairService>();
        return services;
    }
}
