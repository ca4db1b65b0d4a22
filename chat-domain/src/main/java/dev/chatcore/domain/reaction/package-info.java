/** Reactions to messages: keys, and the per-message aggregates history shows. */
package dev.chatcore.domain.reaction;
