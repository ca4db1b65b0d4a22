package dev.chatcore.application.member;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;

/** The lock key of one account's membership of one room. */
record MemberKey(RoomId room, AccountId account) {}
