/**
 * The Chat V2 player API under {@code /chat} (camelCase JSON, Unix seconds); every player response
 * carries {@code roomUpdates} and {@code announcements}.
 */
package dev.chatcore.adapter.http.chat;
