/**
 * Chat V2 concepts (the {@code /chat} API): global room seats, DM member sets, preferences,
 * reports, announcements and "hacked" messages. Records and their rules; storage is in ports.
 */
package dev.chatcore.domain.chat;
