/** Sync cursors and batches. */
package dev.chatcore.domain.sync;
