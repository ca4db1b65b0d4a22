/**
 * Chat V2 global rooms: automatic placement, manual joins, the open-room listing, one room with its
 * seats, and the idle sweep.
 */
package dev.chatcore.application.globalroom;
