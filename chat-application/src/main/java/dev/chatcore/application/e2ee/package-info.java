/**
 * End-to-end encryption use cases: devices, key upload, query and claim, to-device messages,
 * encrypted rooms and messages, and the read step that adds a device's share to a sync answer
 * ({@link dev.chatcore.application.e2ee.DeviceSync}). The server routes keys and ciphertext and
 * never holds a private key or a plaintext (docs/e2ee.md).
 */
package dev.chatcore.application.e2ee;
