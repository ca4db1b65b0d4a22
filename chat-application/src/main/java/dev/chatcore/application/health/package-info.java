/** Readiness checks. */
package dev.chatcore.application.health;
