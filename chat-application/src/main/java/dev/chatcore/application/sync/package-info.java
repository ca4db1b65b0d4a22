/** Long-poll sync: the waiter registry, the publisher that wakes it, and the sync use case. */
package dev.chatcore.application.sync;
