package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.ReportRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoReportRepositoryTest extends ReportRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ReportRepository newReportRepository() {
    return new MongoReportRepository(mongo.freshDatabase());
  }
}
