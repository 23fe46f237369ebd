using System;
using System.Diagnostics.Metrics;
using System.IO;
using CreditPolicy.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CreditPolicy in a service collection.</summary>
public static class CreditPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICreditPolicyEvaluator"/> (a singleton): the rule set of
    /// <see cref="CreditPolicyOptions"/>, loaded when the host starts (a bad rule file stops the start, each problem
    /// logged), reloaded when its files or the options change, the last good rule set kept on a bad edit. Options
    /// are validated on start. Metrics use the container's <see cref="IMeterFactory"/> when there is one, logs its
    /// <see cref="ILoggerFactory"/>; the clock is the options', else the container's <see cref="IClock"/>, else the
    /// system's. A relative rule or agency file is resolved once: against the host's content root when the container
    /// has an <see cref="IHostEnvironment"/>, else against the current directory at this call. Add the health check with <c>services.AddHealthChecks().AddCreditPolicy()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/> when they are bound elsewhere (for example <c>services.Configure&lt;CreditPolicyOptions&gt;(configuration.GetSection("CreditPolicy"))</c>).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddCreditPolicy(this IServiceCollection services, Action<CreditPolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CreditPolicyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        var registeredIn = Directory.GetCurrentDirectory(); // a relative path is resolved once, never against a later current directory
        services.TryAddSingleton(sp => new CreditPolicyPaths(sp.GetService<IHostEnvironment>()?.ContentRootPath is { Length: > 0 } root ? root : registeredIn));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CreditPolicyOptions>, CreditPolicyOptionsValidator>());
        services.TryAddSingleton(sp => new CreditPolicyProvider(
            sp.GetRequiredService<IOptionsMonitor<CreditPolicyOptions>>(),
            sp.GetRequiredService<CreditPolicyPaths>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<IClock>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ICreditPolicyEvaluator>(sp => sp.GetRequiredService<CreditPolicyProvider>());
        services.AddHostedService<CreditPolicyStartup>();
        return services;
    }
}
