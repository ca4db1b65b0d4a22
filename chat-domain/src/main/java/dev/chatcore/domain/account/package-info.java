/** Accounts known to the chat core. */
package dev.chatcore.domain.account;
