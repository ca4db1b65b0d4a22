/** Read receipts ({@code m.receipt}): they drive {@code unread_count} and {@code read_by}. */
package dev.chatcore.application.receipt;
