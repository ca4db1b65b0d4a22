/**
 * Moderation: bans, the spam policy and its offence ladder, and the ports the host plugs its own
 * moderation into (the content filter and its verdicts).
 */
package dev.chatcore.domain.moderation;
