/** Identifiers: 24-hex ids for accounts and rooms, and ordered event ids that double as cursors. */
package dev.chatcore.domain.id;
