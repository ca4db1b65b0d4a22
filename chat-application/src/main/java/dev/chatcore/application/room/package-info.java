/** Room use cases and the membership rules ({@link dev.chatcore.application.room.RoomAccess}). */
package dev.chatcore.application.room;
