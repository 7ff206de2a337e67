package org.reliefclearance.enginetuning;

/**
 * An external task of {@code topic} is being created, published inside the engine's transaction
 * ({@link ExternalTaskHints}): a worker of this node listening after commit can fetch it at once
 * instead of at its next poll.
 */
public record ExternalTaskCreated(String topic) {
}
