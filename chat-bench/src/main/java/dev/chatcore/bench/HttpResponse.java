package dev.chatcore.bench;

/**
 * A response as {@link HttpConnection} read it: status, body text, body size, and the headers we
 * use.
 */
record HttpResponse(int status, String body, int bytes, String retryAfter, String contentType) {
  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body cut to 300 characters, for error messages. */
  String brief() {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
