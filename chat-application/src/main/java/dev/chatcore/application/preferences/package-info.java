/** Chat V2 player preferences: one client-owned JSON object per account. */
package dev.chatcore.application.preferences;
