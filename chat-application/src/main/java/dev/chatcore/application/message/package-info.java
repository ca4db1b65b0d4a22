/** Sending messages and paging history. */
package dev.chatcore.application.message;
