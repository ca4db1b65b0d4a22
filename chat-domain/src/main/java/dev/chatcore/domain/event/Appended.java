package dev.chatcore.domain.event;

/**
 * The result of an append.
 *
 * @param event the stored event: the new one, or the earlier one with the same transaction id
 * @param created false when the append was a retry that stored nothing
 */
public record Appended(Event event, boolean created) {}
