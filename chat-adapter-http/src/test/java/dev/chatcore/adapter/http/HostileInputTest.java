package dev.chatcore.adapter.http;

/** The hostile-input walk over in-memory storage. */
class HostileInputTest extends HostileInputContract {
  @Override
  protected HttpTestServer newServer() {
    return HttpTestServer.start();
  }
}
