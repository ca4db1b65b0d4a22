/**
 * The application core: one class per use case, and {@link dev.chatcore.application.ChatCore}, the
 * plain-Java factory that wires them for hosts without a container.
 */
package dev.chatcore.application;
