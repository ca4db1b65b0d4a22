/**
 * The embedding API: what a JVM game server uses to run the chat core in its own process, without
 * HTTP, Dagger or any container.
 *
 * <p>{@link dev.chatcore.application.embed.Chat} is the one entry point: a facade over the use
 * cases of {@link dev.chatcore.application.ChatCore} that applies the same ban gate as the HTTP
 * API. {@link dev.chatcore.application.embed.Maintenance} runs the periodic work (idle global-room
 * sweep, retention janitor) on a scheduler the host provides or on one of its own; the standalone
 * server runs its periodic work on it too. A storage adapter supplies the factory that builds a
 * ready {@code Chat} (for example {@code InMemoryChat.create()} in {@code chat-adapter-memory}).
 */
package dev.chatcore.application.embed;
