/** The deliberate failures of the core, one type per kind of refusal. */
package dev.chatcore.domain.error;
