/** Rooms and their types. */
package dev.chatcore.domain.room;
