/**
 * Chat V2 admin use cases: broadcasts and announcements, report review, private rooms, and the
 * listing, search, editing and deletion of messages.
 */
package dev.chatcore.application.admin;
