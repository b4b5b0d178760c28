using MassTransit;

namespace AspireMigration.Executor.Tests;

/// <summary>A broker that refuses every publish, as one that is down or out of resources would.</summary>
public sealed class RefusingPublishEndpoint : IPublishEndpoint
{
    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw Refused();

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class => throw Refused();

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw Refused();

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw Refused();

    public Task Publish(object message, CancellationToken cancellationToken = default) => throw Refused();

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        throw Refused();

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => throw Refused();

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe,
        CancellationToken cancellationToken = default) => throw Refused();

    public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class => throw Refused();

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw Refused();

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw Refused();

    private static InvalidOperationException Refused() => new("The broker refused the message.");
}
