/** Typing notices ({@code m.typing}): expiring events in the stream, never in history. */
package dev.chatcore.application.typing;
