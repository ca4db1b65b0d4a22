/** Invites: codes that create accounts. */
package dev.chatcore.domain.invite;
