/**
 * The Chat V2 player API ({@code /chat}): unread room updates on every request, message posting
 * (with "hacked" messages kept apart), and {@link dev.chatcore.application.chat.ChatServices},
 * which holds every Chat V2 use case.
 */
package dev.chatcore.application.chat;
