using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>Loads the rule set when the host starts, so that a bad rule file stops the start (every problem logged) and the first request does not pay for compiling the rules.</summary>
internal sealed class CreditPolicyStartup(ICreditPolicyEvaluator policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = policy.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
