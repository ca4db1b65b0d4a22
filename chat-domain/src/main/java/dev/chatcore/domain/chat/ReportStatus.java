package dev.chatcore.domain.chat;

/** What an admin decided about a report; the values are the wire numbers of Chat V2. */
public enum ReportStatus {
  NEW(100),
  MILD(50),
  SEVERE(10),
  PERMANENT(1);

  private final int value;

  ReportStatus(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }
}
