/**
 * Moderation: service-wide bans (issue, lift, list, history) and the gate that enforces them, the
 * rate limiter, automatic spam bans and their ladder, and the content moderation the host plugs in.
 */
package dev.chatcore.application.moderation;
