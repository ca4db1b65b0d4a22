/** The {@code /v1} API: Matrix-inspired rooms, history and long-poll sync. */
package dev.chatcore.adapter.http.v1;
