package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.MembershipRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoMembershipRepositoryTest extends MembershipRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected MembershipRepository newMembershipRepository() {
    return new MongoMembershipRepository(mongo.freshDatabase());
  }
}
