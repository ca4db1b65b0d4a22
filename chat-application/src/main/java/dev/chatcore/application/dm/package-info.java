/** Chat V2 direct message rooms: one open room per exact member set, left one member at a time. */
package dev.chatcore.application.dm;
