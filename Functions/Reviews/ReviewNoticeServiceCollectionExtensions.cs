using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reviews;

public static class ReviewNoticeServiceCollectionExtensions
{
    /// <summary>The emails a review sends (<see cref="IReviewNotices"/>) as a kind of outbox message (<c>SendReviewNotice</c>), and the <c>ReviewNotices</c> table.</summary>
    public static IServiceCollection AddReviewNotices(this IServiceCollection services)
    {
        services.AddOwnedTables("Reviews", ReviewNoticeTables.All);
        services.AddOutboxKind<ReviewNoticeOutboxKind, ReviewNoticeStore, ReviewNoticeEntity, ReviewNoticeMessage>();
        services.AddSingleton<IReviewNotices, ReviewNotices>();
        return services;
    }
}
