/** Authentication: bearer JWT verification and the server's own tokens. */
package dev.chatcore.adapter.http.auth;
