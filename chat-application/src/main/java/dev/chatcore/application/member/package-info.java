/**
 * Membership: joining, leaving, listing members, kicks, room bans and unbans ({@code m.member}).
 */
package dev.chatcore.application.member;
