/**
 * MongoDB storage (mongodb-driver-sync): every storage port, the indexes they need, and the
 * cross-node event feed. Driver exceptions never leave this package: they become {@link
 * dev.chatcore.domain.error.UnavailableException} (the store does not answer) or {@link
 * dev.chatcore.domain.error.ConflictException} (a unique key clash the caller must hear about). See
 * {@code docs/operations.md}, part "MongoDB".
 */
package dev.chatcore.adapter.mongo;
