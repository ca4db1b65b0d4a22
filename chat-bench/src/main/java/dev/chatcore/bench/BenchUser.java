package dev.chatcore.bench;

/**
 * A simulated account: its 24-hex id, display name, admin flag and a bearer token minted for it.
 */
record BenchUser(String id, String name, boolean admin, String token) {}
