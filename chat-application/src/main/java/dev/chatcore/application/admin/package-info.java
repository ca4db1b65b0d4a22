/** Chat V2 admin use cases: broadcasts and announcements, report review. */
package dev.chatcore.application.admin;
