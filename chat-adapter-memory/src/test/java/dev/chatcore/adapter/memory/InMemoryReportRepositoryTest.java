package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.ReportRepositoryContract;

class InMemoryReportRepositoryTest extends ReportRepositoryContract {
  @Override
  protected ReportRepository newReportRepository() {
    return new InMemoryReportRepository();
  }
}
