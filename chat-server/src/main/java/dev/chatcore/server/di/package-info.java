/**
 * Dagger wiring: one module per concern, one component per storage. Only this package sees Dagger.
 */
package dev.chatcore.server.di;
