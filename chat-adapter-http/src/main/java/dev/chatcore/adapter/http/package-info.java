/**
 * The HTTP adapter: Undertow handler chain ({@link dev.chatcore.adapter.http.HttpApi}), the one
 * error mapping ({@link dev.chatcore.adapter.http.HttpErrors}), JSON ({@link
 * dev.chatcore.adapter.http.Json}); the APIs live in {@code .v1} and {@code .chat}, authentication
 * in {@code .auth}.
 */
package dev.chatcore.adapter.http;
