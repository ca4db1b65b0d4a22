/** Moderation: bans and the gate that enforces them, the rate limiter, automatic spam bans. */
package dev.chatcore.application.moderation;
