/** Chat V2 global rooms: automatic placement, manual joins, the open-room listing and the idle sweep. */
package dev.chatcore.application.globalroom;
