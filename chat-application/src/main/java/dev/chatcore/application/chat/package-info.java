/**
 * The Chat V2 player API ({@code /chat}): unread room updates on every request, message posting
 * (with "hacked" messages kept apart) and its visibility rules.
 */
package dev.chatcore.application.chat;
