package dev.chatcore.domain.error;

/** Input that breaks a rule; the message names the field. */
public final class InvalidInputException extends ChatException {
  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /** The input field at fault, as the client named it. */
  public String field() {
    return field;
  }
}
