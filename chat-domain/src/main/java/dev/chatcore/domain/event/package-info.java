/** Events: the one ordered stream that history pages and sync delivers. */
package dev.chatcore.domain.event;
