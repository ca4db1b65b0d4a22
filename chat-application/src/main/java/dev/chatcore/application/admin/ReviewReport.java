package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.port.ReportRepository;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PATCH /chat/admin/reports/update}: an admin sets a report's status and note; the content
 * (log, reporters, counts) is immutable. The reviewer is recorded.
 */
public final class ReviewReport {
  public static final int NOTE_MAX_CHARS = 2000;

  /**
   * @param status wire value (1, 10, 50 or 100); empty keeps the current one
   * @param note empty keeps the current note; a blank note clears it
   */
  public record Command(
      Caller caller, String reportId, Optional<Integer> status, Optional<String> note) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(note, "note");
    }
  }

  private final ReportRepository reports;

  @Inject
  public ReviewReport(ReportRepository reports) {
    this.reports = reports;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a status outside {1, 10, 50, 100}, a note over {@link
   *     #NOTE_MAX_CHARS}, or neither status nor note given
   * @throws NotFoundException when no report has this id
   */
  public Report review(Command command) {
    command.caller().requireAdmin();
    Optional<ReportStatus> status = command.status().map(ReviewReport::status);
    Optional<String> note = command.note().map(String::strip);
    if (status.isEmpty() && note.isEmpty())
      throw new InvalidInputException("status", "status or adminNote is required");
    if (note.filter(n -> n.length() > NOTE_MAX_CHARS).isPresent()) {
      throw new InvalidInputException(
          "adminNote", "must be at most " + NOTE_MAX_CHARS + " characters");
    }
    Report current =
        reports
            .find(command.reportId())
            .orElseThrow(() -> new NotFoundException("report not found"));
    ReportStatus newStatus = status.orElse(current.status());
    Optional<String> newNote =
        note.isPresent() ? note.filter(n -> !n.isEmpty()) : current.adminNote();
    return reports
        .review(current.id(), newStatus, newNote, command.caller().id())
        .orElseThrow(() -> new NotFoundException("report not found"));
  }

  private static ReportStatus status(int value) {
    return Arrays.stream(ReportStatus.values())
        .filter(s -> s.value() == value)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "status", "must be 1 (Permanent), 10 (Severe), 50 (Mild) or 100 (New)"));
  }
}
