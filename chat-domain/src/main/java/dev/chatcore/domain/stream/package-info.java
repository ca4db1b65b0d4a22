/** Live streams: the single-use tickets that open them from a browser. */
package dev.chatcore.domain.stream;
