/**
 * Moderation: bans, the spam policy and its offence ladder, and the ports the host plugs its own
 * moderation into (the content filter and its verdicts, report alerts and when they are raised).
 */
package dev.chatcore.domain.moderation;
