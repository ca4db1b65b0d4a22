/**
 * Readiness: the storage (down means unavailable) and the other dependencies (failing means
 * degraded).
 */
package dev.chatcore.application.health;
