/** Policies and configurable limits that the use cases apply. */
package dev.chatcore.domain.policy;
