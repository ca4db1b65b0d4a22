/** Health, readiness and discovery endpoints. */
package dev.chatcore.adapter.http.system;
