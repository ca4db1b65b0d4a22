/** Chat V2 player reports of messages, with a snapshot of the conversation around them. */
package dev.chatcore.application.report;
