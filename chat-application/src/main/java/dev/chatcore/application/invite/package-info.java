/** Invites: creating, listing, revoking and redeeming codes, and the first-admin invite. */
package dev.chatcore.application.invite;
