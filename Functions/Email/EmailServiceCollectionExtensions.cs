using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;
using TetReadiness.Outbox;

namespace TetReadiness.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// SendGrid when an API key is set, nothing when the key is an unresolved Key Vault reference, otherwise the local
    /// outbox folder; and email as a channel of the message outbox.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            var clientOptions = new SendGridClientOptions { ApiKey = options.ApiKey ?? string.Empty };
            if (!string.IsNullOrWhiteSpace(options.Host))
            {
                clientOptions.Host = options.Host;
            }

            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)) };
            return new SendGridClient(http, clientOptions);
        });
        services.AddSingleton<EmailStatus>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<UnconfiguredEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value switch
        {
            { KeyIsUnresolvedReference: true } => sp.GetRequiredService<UnconfiguredEmailSender>(),
            { SendsForReal: true } => sp.GetRequiredService<SendGridEmailSender>(),
            _ => sp.GetRequiredService<OutboxEmailSender>(),
        });
        services.AddOutboxChannel<EmailChannel>();
        return services;
    }
}
