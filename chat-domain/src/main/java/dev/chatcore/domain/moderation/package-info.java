/** Moderation: bans, the spam policy and its offence ladder. */
package dev.chatcore.domain.moderation;
