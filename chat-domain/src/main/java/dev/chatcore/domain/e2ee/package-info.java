/**
 * End-to-end encryption as the server sees it: devices, their published keys, one-time and fallback
 * keys, and to-device messages. The server stores and routes keys and ciphertext; it never holds a
 * private key and never reads a plaintext, so nothing here looks inside a key or a message beyond
 * what routing needs (which device, which algorithm, which identity).
 */
package dev.chatcore.domain.e2ee;
