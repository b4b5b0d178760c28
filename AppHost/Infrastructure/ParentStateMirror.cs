namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// Gives a child resource (a database inside a server) its parent's lifecycle state. The
/// orchestrator does this only for children of containers; without it a database of an executable
/// server would never leave "NotStarted", so nothing waiting for it would ever start.
/// </summary>
internal static class ParentStateMirror
{
    public static IResourceBuilder<TChild> WithParentState<TChild>(this IResourceBuilder<TChild> child, string resourceType)
        where TChild : IResourceWithParent
    {
        child.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(child.Resource, (evt, cancellationToken) =>
        {
            _ = Task.Run(() => MirrorAsync(child.Resource, evt.Notifications, resourceType, cancellationToken), cancellationToken);
            return Task.CompletedTask;
        });
        return child;
    }

    private static async Task MirrorAsync(
        IResourceWithParent child, ResourceNotificationService notifications, string resourceType, CancellationToken cancellationToken)
    {
        await notifications.PublishUpdateAsync(child, s => s with { ResourceType = resourceType, State = KnownResourceStates.NotStarted });
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (ReferenceEquals(update.Resource, child.Parent))
                {
                    await notifications.PublishUpdateAsync(child, s => s with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is shutting down.
        }
    }
}
