/** The standalone server: configuration, lifecycle and {@code main}. */
package dev.chatcore.server;
