/** Accounts: registering callers on first sight. */
package dev.chatcore.application.account;
