package dev.chatcore.server;

/** Which storage adapter the server runs on ({@code CHAT_STORAGE}). */
public enum StorageKind {
  MEMORY,
  /** MongoDB ({@code CHAT_MONGO_URI}): durable, shared by any number of nodes. */
  MONGODB
}
