/** Reactions to messages ({@code m.reaction}): adding and removing, idempotent per key. */
package dev.chatcore.application.reaction;
