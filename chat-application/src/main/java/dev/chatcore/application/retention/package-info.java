/** Data retention: the janitor that applies the retention table to the store. */
package dev.chatcore.application.retention;
