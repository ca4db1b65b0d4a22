package dev.chatcore.server;

/** Which storage adapter the server runs on ({@code CHAT_STORAGE}). */
public enum StorageKind {
  MEMORY
}
